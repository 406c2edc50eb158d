import type {
  ScoringFactorView,
  ScoringModelView,
  ScoringPresetName,
} from '../contracts/prioritisation-api';
import type { ScoringEvent } from './scoring.events';

// A workspace's scoring models without zod: the projection folds them too.

export type ScoringModel = {
  id: string;
  name: string;
  preset: ScoringPresetName;
  formula: string;
  factors: ScoringFactorView[];
};
/** The models of a workspace and the one that ranks "what to build next". */
export type Scoring = { models: ScoringModel[]; activeModelId: string };

const manual = (key: string, name: string, value: number): ScoringFactorView => ({
  key,
  name,
  source: { kind: 'manual', default: value },
});

/**
 * The presets every workspace starts with. Hand-set factors default to values that leave an
 * unscored item neutral; ICE rates each factor 1–10, so its defaults sit in the middle.
 */
export const builtInModels: readonly ScoringModel[] = [
  {
    id: 'rice',
    name: 'RICE',
    preset: 'rice',
    formula: 'reach * impact * confidence / effort',
    factors: [
      { key: 'reach', name: 'Reach', source: { kind: 'votes' } },
      manual('impact', 'Impact', 1),
      manual('confidence', 'Confidence', 0.8),
      manual('effort', 'Effort', 1),
    ],
  },
  {
    id: 'ice',
    name: 'ICE',
    preset: 'ice',
    formula: 'impact * confidence * ease',
    factors: [
      manual('impact', 'Impact', 5),
      manual('confidence', 'Confidence', 5),
      manual('ease', 'Ease', 5),
    ],
  },
  {
    id: 'wsjf',
    name: 'WSJF',
    preset: 'wsjf',
    // Revenue is MRR in cents: every 1,000.00 of monthly revenue asking for it is one point.
    formula: '(business_value / 100000 + time_criticality + risk_reduction) / job_size',
    factors: [
      { key: 'business_value', name: 'Business value', source: { kind: 'revenue' } },
      manual('time_criticality', 'Time criticality', 1),
      manual('risk_reduction', 'Risk reduction', 1),
      manual('job_size', 'Job size', 1),
    ],
  },
  {
    id: 'impact-effort',
    name: 'Impact / effort',
    preset: 'impact_effort',
    formula: 'impact / effort',
    factors: [manual('impact', 'Impact', 1), manual('effort', 'Effort', 1)],
  },
];

export const DEFAULT_MODEL_ID = 'rice';

const copyModel = (model: ScoringModel): ScoringModel => ({
  ...model,
  factors: model.factors.map((f) => ({ ...f, source: { ...f.source } })),
});

/** An empty stream is a workspace that kept the presets, with RICE ranking the backlog. */
export const initialScoring = (): Scoring => ({
  models: builtInModels.map(copyModel),
  activeModelId: DEFAULT_MODEL_ID,
});

export const builtInModel = (modelId: string): ScoringModel | undefined =>
  builtInModels.find((m) => m.id === modelId);

export const findModel = (scoring: Scoring, modelId: string): ScoringModel | undefined =>
  scoring.models.find((m) => m.id === modelId);

/** The model that ranks the backlog; the decider never lets it be removed. */
export const activeModel = (scoring: Scoring): ScoringModel =>
  findModel(scoring, scoring.activeModelId) ?? copyModel(builtInModels[0]!);

/** Keys of the factors set by hand in any model of the workspace. */
export const manualFactorKeys = (scoring: Scoring): Set<string> =>
  new Set(
    scoring.models.flatMap((m) =>
      m.factors.filter((f) => f.source.kind === 'manual').map((f) => f.key),
    ),
  );

/** The segments whose votes some model of the workspace counts. */
export const segmentsCounted = (scoring: Scoring): string[] => [
  ...new Set(
    scoring.models.flatMap((m) =>
      m.factors.flatMap((f) => (f.source.kind === 'segment_votes' ? [f.source.segment] : [])),
    ),
  ),
];

export const evolveScoring = (state: Scoring, event: ScoringEvent): Scoring => {
  switch (event.type) {
    case 'ScoringModelDefined': {
      const { modelId, by: _by, ...definition } = event.data;
      const model = copyModel({ id: modelId, ...definition });
      return {
        ...state,
        models: state.models.some((m) => m.id === modelId)
          ? state.models.map((m) => (m.id === modelId ? model : m))
          : [...state.models, model],
      };
    }
    case 'ScoringModelRemoved':
      return { ...state, models: state.models.filter((m) => m.id !== event.data.modelId) };
    case 'ScoringModelActivated':
      return { ...state, activeModelId: event.data.modelId };
  }
};

export const toScoringModelView = (scoring: Scoring, model: ScoringModel): ScoringModelView => ({
  ...copyModel(model),
  active: model.id === scoring.activeModelId,
  builtIn: builtInModel(model.id) !== undefined,
});
