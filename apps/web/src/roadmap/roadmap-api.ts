import type {
  EditInitiativeInput,
  InitiativeChanged,
  InitiativeInput,
  RoadmapLaneName,
  RoadmapView,
} from '@chorus/domain/client';
import { enc, getJson, sendJson } from '../api/request';

const initiativePath = (id: string) => `/initiatives/${enc(id)}`;

export const fetchRoadmap = async (signal?: AbortSignal) =>
  getJson<RoadmapView>('/roadmap', signal);

export const createInitiative = async (input: InitiativeInput) =>
  sendJson<InitiativeChanged>('/initiatives', 'POST', input);

export const editInitiative = async (id: string, version: number, changes: EditInitiativeInput) =>
  sendJson<InitiativeChanged>(initiativePath(id), 'PATCH', changes, version);

export const moveInitiative = async (id: string, lane: RoadmapLaneName) =>
  sendJson<InitiativeChanged>(`${initiativePath(id)}/move`, 'POST', { lane });

export const archiveInitiative = async (id: string) =>
  sendJson<InitiativeChanged>(initiativePath(id), 'DELETE');
