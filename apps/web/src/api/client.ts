import type { FeedbackStatus } from '@chorus/domain/client';
import { expireSession, getToken } from '../auth/auth-store';
import { ProblemError } from './problem-error';
import type {
  EditedFeedback,
  EditFeedbackInput,
  FeedbackItem,
  FeedbackPage,
  FeedbackPageQuery,
  Me,
  StatusChanged,
  SubmitFeedbackInput,
  SubmittedFeedback,
  VoteResult,
} from './types';

const BASE_PATH = '/api/v1';

type RequestOptions = {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal | undefined;
};

const send = async (
  path: string,
  { method = 'GET', body, headers = {}, signal }: RequestOptions = {},
): Promise<Response> => {
  const token = getToken();
  let response: Response;
  try {
    response = await fetch(`${BASE_PATH}${path}`, {
      method,
      signal: signal ?? null,
      // The ETag tracks the feedback stream only, not votes, so a revalidated cached copy could
      // bring back stale counts; reads must always come from the read model.
      cache: 'no-store',
      headers: {
        Accept: 'application/json, application/problem+json',
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? null : JSON.stringify(body),
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw ProblemError.network();
  }
  if (response.ok) return response;

  const problem = await ProblemError.fromResponse(response);
  if (response.status === 401) {
    expireSession(
      token,
      problem.detail ?? 'Your session has ended or the token was not accepted. Sign in again.',
    );
  }
  throw problem;
};

const readJson = async <T>(response: Response): Promise<T> => (await response.json()) as T;

const feedbackPath = (id: string) => `/feedback/${encodeURIComponent(id)}`;

/** ETags look like `"7"` (or `W/"7"`); the number inside is the item's version. */
const versionFromEtag = (etag: string | null): number | null => {
  const match = /^(?:W\/)?"(\d+)"$/.exec(etag ?? '');
  return match?.[1] === undefined ? null : Number(match[1]);
};

export const fetchMe = async (signal?: AbortSignal): Promise<Me> =>
  readJson<Me>(await send('/me', { signal }));

export const fetchFeedbackPage = async (
  { sort, status, limit, cursor }: FeedbackPageQuery,
  signal?: AbortSignal,
): Promise<FeedbackPage> => {
  const params = new URLSearchParams({ sort, limit: String(limit) });
  if (status) params.set('status', status);
  if (cursor) params.set('cursor', cursor);
  return readJson<FeedbackPage>(await send(`/feedback?${params.toString()}`, { signal }));
};

export const fetchFeedback = async (id: string, signal?: AbortSignal): Promise<FeedbackItem> => {
  const response = await send(feedbackPath(id), { signal });
  const item = await readJson<FeedbackItem>(response);
  const version = versionFromEtag(response.headers.get('ETag'));
  return version === null ? item : { ...item, version };
};

export const submitFeedback = async (input: SubmitFeedbackInput): Promise<SubmittedFeedback> =>
  readJson<SubmittedFeedback>(await send('/feedback', { method: 'POST', body: input }));

export const editFeedback = async (
  id: string,
  version: number,
  changes: EditFeedbackInput,
): Promise<EditedFeedback> =>
  readJson<EditedFeedback>(
    await send(feedbackPath(id), {
      method: 'PATCH',
      body: changes,
      headers: { 'If-Match': `"${version}"` },
    }),
  );

export const castVote = async (id: string): Promise<VoteResult> =>
  readJson<VoteResult>(await send(`${feedbackPath(id)}/votes`, { method: 'POST' }));

export const withdrawVote = async (id: string): Promise<VoteResult> =>
  readJson<VoteResult>(await send(`${feedbackPath(id)}/votes`, { method: 'DELETE' }));

export const changeFeedbackStatus = async (
  id: string,
  status: FeedbackStatus,
): Promise<StatusChanged> =>
  readJson<StatusChanged>(
    await send(`${feedbackPath(id)}/status`, { method: 'POST', body: { status } }),
  );
