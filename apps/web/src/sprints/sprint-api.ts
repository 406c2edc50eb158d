import type {
  CompleteSprintRequest,
  CompleteSprintResult,
  PlanResult,
  SprintDetail,
  SprintInput,
  SprintItemChanged,
  SprintList,
  SprintStateName,
  SprintView,
  WorkStateName,
} from '@chorus/domain/client';
import { enc, getJson, query, sendJson } from '../api/request';

const sprintPath = (id: string) => `/sprints/${enc(id)}`;
const itemPath = (id: string) => `/backlog/${enc(id)}`;

export const fetchSprints = async (state: SprintStateName | null, signal?: AbortSignal) =>
  getJson<SprintList>(`/sprints${query({ state })}`, signal);

export const fetchSprint = async (id: string, signal?: AbortSignal) =>
  getJson<SprintDetail>(sprintPath(id), signal);

export const createSprint = async (input: SprintInput) =>
  sendJson<SprintView>('/sprints', 'POST', input);

export const planItem = async (sprintId: string, itemId: string) =>
  sendJson<PlanResult>(`${sprintPath(sprintId)}/items`, 'POST', { itemId });

export const unplanItem = async (sprintId: string, itemId: string) =>
  sendJson<PlanResult>(`${sprintPath(sprintId)}/items/${enc(itemId)}`, 'DELETE');

export const startSprint = async (id: string) =>
  sendJson<SprintView>(`${sprintPath(id)}/start`, 'POST');

export const completeSprint = async (id: string, request: CompleteSprintRequest) =>
  sendJson<CompleteSprintResult>(`${sprintPath(id)}/complete`, 'POST', request);

export const changeWorkState = async (itemId: string, to: WorkStateName) =>
  sendJson<SprintItemChanged>(`${itemPath(itemId)}/work-state`, 'POST', { to });

export const acceptItem = async (itemId: string) =>
  sendJson<SprintItemChanged>(`${itemPath(itemId)}/accept`, 'POST');

export const rejectItem = async (itemId: string, reason: string) =>
  sendJson<SprintItemChanged>(`${itemPath(itemId)}/reject`, 'POST', { reason });
