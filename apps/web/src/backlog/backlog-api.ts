import type {
  AcceptanceCriterionInput,
  BacklogFilters,
  BacklogItemChanged,
  BacklogItemInput,
  BacklogItemView,
  BacklogPage,
  EditBacklogItemInput,
  FeedbackBacklogItems,
  RankedBacklogItem,
  RankRequest,
  RoadmapView,
} from '@chorus/domain/client';
import { enc, getJson, query, sendJson } from '../api/request';

const BACKLOG_PAGE_SIZE = 25;

const itemPath = (id: string) => `/backlog/${enc(id)}`;

/** A page of the backlog now, or as it stood at `asOf` (an ISO timestamp). */
export const fetchBacklogPage = async (
  filters: Omit<BacklogFilters, 'cursor' | 'limit'>,
  cursor: string | null,
  asOf: string | null,
  signal?: AbortSignal,
): Promise<BacklogPage> =>
  getJson<BacklogPage>(
    `/backlog${query({ ...filters, cursor, limit: BACKLOG_PAGE_SIZE, asOf })}`,
    signal,
  );

export const fetchBacklogItem = async (id: string, signal?: AbortSignal) =>
  getJson<BacklogItemView>(itemPath(id), signal);

export const createBacklogItem = async (input: BacklogItemInput) =>
  sendJson<BacklogItemChanged>('/backlog', 'POST', input);

export const editBacklogItem = async (id: string, version: number, changes: EditBacklogItemInput) =>
  sendJson<BacklogItemChanged>(itemPath(id), 'PATCH', changes, version);

export const changeAcceptanceCriteria = async (
  id: string,
  version: number,
  criteria: AcceptanceCriterionInput[],
) =>
  sendJson<BacklogItemChanged>(`${itemPath(id)}/acceptance-criteria`, 'PUT', { criteria }, version);

export const checkAcceptanceCriterion = async (id: string, criterionId: string, met: boolean) =>
  sendJson<BacklogItemChanged>(`${itemPath(id)}/acceptance-criteria/${enc(criterionId)}`, 'PUT', {
    met,
  });

export const rankBacklogItem = async (id: string, neighbours: RankRequest) =>
  sendJson<RankedBacklogItem>(`${itemPath(id)}/rank`, 'POST', neighbours);

export const linkFeedback = async (id: string, feedbackId: string) =>
  sendJson<BacklogItemChanged>(`${itemPath(id)}/feedback/${enc(feedbackId)}`, 'PUT');

export const unlinkFeedback = async (id: string, feedbackId: string) =>
  sendJson<BacklogItemChanged>(`${itemPath(id)}/feedback/${enc(feedbackId)}`, 'DELETE');

export const setInitiative = async (id: string, initiativeId: string | null) =>
  sendJson<BacklogItemChanged>(`${itemPath(id)}/initiative`, 'PUT', { initiativeId });

export const fetchFeedbackBacklogItems = async (feedbackId: string, signal?: AbortSignal) =>
  getJson<FeedbackBacklogItems>(`/feedback/${enc(feedbackId)}/backlog-items`, signal);

/** The roadmap's initiatives, to file an item under one. */
export const fetchRoadmap = async (signal?: AbortSignal) =>
  getJson<RoadmapView>('/roadmap', signal);
