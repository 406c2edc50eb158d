import type {
  ChangelogEntryInput,
  ChangelogPage,
  EditReleaseInput,
  ReleaseInput,
  ReleasePage,
  ReleaseState,
  ReleaseView,
} from '@chorus/domain/client';
import { enc, getJson, query, sendJson } from '../api/request';

// Every command answers with the release as its streams now say: fresher than the read model.

const releasePath = (id: string) => `/releases/${enc(id)}`;

export const fetchReleases = async (
  state: ReleaseState | null,
  cursor: string | null,
  signal?: AbortSignal,
) => getJson<ReleasePage>(`/releases${query({ state, cursor, limit: 20 })}`, signal);

export const fetchRelease = async (id: string, signal?: AbortSignal) =>
  getJson<ReleaseView>(releasePath(id), signal);

export const createRelease = async (input: ReleaseInput) =>
  sendJson<ReleaseView>('/releases', 'POST', input);

export const editRelease = async (id: string, version: number, changes: EditReleaseInput) =>
  sendJson<ReleaseView>(releasePath(id), 'PATCH', changes, version);

export const addReleaseItem = async (id: string, itemId: string) =>
  sendJson<ReleaseView>(`${releasePath(id)}/items/${enc(itemId)}`, 'PUT');

export const removeReleaseItem = async (id: string, itemId: string) =>
  sendJson<ReleaseView>(`${releasePath(id)}/items/${enc(itemId)}`, 'DELETE');

/** Against the version the writer started from, so nobody's entry is silently overwritten. */
export const writeChangelog = async (id: string, version: number, entry: ChangelogEntryInput) =>
  sendJson<ReleaseView>(`${releasePath(id)}/changelog`, 'PUT', entry, version);

export const scheduleRelease = async (id: string, publishAt: string) =>
  sendJson<ReleaseView>(`${releasePath(id)}/schedule`, 'POST', { publishAt });

export const unscheduleRelease = async (id: string) =>
  sendJson<ReleaseView>(`${releasePath(id)}/schedule`, 'DELETE');

export const publishRelease = async (id: string) =>
  sendJson<ReleaseView>(`${releasePath(id)}/publish`, 'POST');

export const fetchChangelog = async (cursor: string | null, signal?: AbortSignal) =>
  getJson<ChangelogPage>(`/changelog${query({ cursor })}`, signal);
