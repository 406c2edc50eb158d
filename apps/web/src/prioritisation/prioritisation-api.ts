import type {
  BacklogItemChanged,
  FormulaCheck,
  FormulaCheckInput,
  NextFilters,
  RankedPage,
  ScoreBreakdown,
  ScoringModelInput,
  ScoringModelsView,
} from '@chorus/domain/client';
import { enc, getJson, query, sendJson } from '../api/request';

const modelsPath = '/scoring-models';

export const fetchScoringModels = async (signal?: AbortSignal) =>
  getJson<ScoringModelsView>(modelsPath, signal);

/** Defines a model, or replaces it whole; answers with every model. */
export const saveScoringModel = async (
  modelId: string,
  version: number,
  input: ScoringModelInput,
) => sendJson<ScoringModelsView>(`${modelsPath}/${enc(modelId)}`, 'PUT', input, version);

export const removeScoringModel = async (modelId: string) =>
  sendJson<ScoringModelsView>(`${modelsPath}/${enc(modelId)}`, 'DELETE');

export const activateScoringModel = async (modelId: string) =>
  sendJson<ScoringModelsView>(`${modelsPath}/${enc(modelId)}/activate`, 'POST');

/** Answers `{ ok: true }`, or a problem whose message points at the formula's mistake. */
export const validateFormula = async (input: FormulaCheckInput) =>
  sendJson<FormulaCheck>(`${modelsPath}/validate`, 'POST', input);

export const fetchNext = async (
  filters: Omit<NextFilters, 'cursor' | 'limit'>,
  cursor: string | null,
  limit: number,
  signal?: AbortSignal,
) => getJson<RankedPage>(`/prioritisation/next${query({ ...filters, cursor, limit })}`, signal);

export const fetchItemScore = async (itemId: string, signal?: AbortSignal) =>
  getJson<ScoreBreakdown>(`/backlog/${enc(itemId)}/score`, signal);

export const setItemFactors = async (itemId: string, factors: Record<string, number>) =>
  sendJson<BacklogItemChanged>(`/backlog/${enc(itemId)}/factors`, 'PUT', { factors });
