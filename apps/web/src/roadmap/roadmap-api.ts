import type {
  EditInitiativeInput,
  InitiativeChanged,
  InitiativeInput,
  RoadmapLaneName,
  RoadmapView,
} from '@chorus/domain/client';
import { enc, getJson, query, sendJson } from '../api/request';

const initiativePath = (id: string) => `/initiatives/${enc(id)}`;

/** The roadmap now, or as it stood at `asOf` (an ISO timestamp). */
export const fetchRoadmap = async (asOf: string | null, signal?: AbortSignal) =>
  getJson<RoadmapView>(`/roadmap${query({ asOf })}`, signal);

export const createInitiative = async (input: InitiativeInput) =>
  sendJson<InitiativeChanged>('/initiatives', 'POST', input);

export const editInitiative = async (id: string, version: number, changes: EditInitiativeInput) =>
  sendJson<InitiativeChanged>(initiativePath(id), 'PATCH', changes, version);

export const moveInitiative = async (id: string, lane: RoadmapLaneName) =>
  sendJson<InitiativeChanged>(`${initiativePath(id)}/move`, 'POST', { lane });

export const archiveInitiative = async (id: string) =>
  sendJson<InitiativeChanged>(initiativePath(id), 'DELETE');
