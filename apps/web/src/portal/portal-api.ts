import {
  CSRF_COOKIE,
  CSRF_HEADER,
  type CatalogView,
  type CodeRequested,
  type CommentList,
  type CommentView,
  type FeedbackItem,
  type FeedbackPage,
  type FeedbackReleases,
  type FeedbackSort,
  type FollowState,
  type Me,
  type NotificationPage,
  type NotificationsMarkedRead,
  type SearchResult,
  type SimilarFeedback,
  type SubmittedFeedback,
  type VoteResult,
} from '@chorus/domain/client';
import { ProblemError } from '../api/problem-error';
import { enc, query } from '../api/request';

// The portal talks to the API as the signed-in customer only: the session cookie (never an admin
// token this browser may also hold), with the readable CSRF cookie echoed on every change.

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

const readCookie = (name: string): string | null => {
  const entry = document.cookie.split('; ').find((pair) => pair.startsWith(`${name}=`));
  return entry === undefined ? null : decodeURIComponent(entry.slice(name.length + 1));
};

const request = async <T>(
  path: string,
  { method = 'GET', body, signal }: { method?: Method; body?: unknown; signal?: AbortSignal } = {},
): Promise<T> => {
  const csrf = method === 'GET' ? null : readCookie(CSRF_COOKIE);
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method,
      signal: signal ?? null,
      credentials: 'same-origin',
      cache: 'no-store',
      headers: {
        Accept: 'application/json, application/problem+json',
        ...(csrf ? { [CSRF_HEADER]: csrf } : {}),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? null : JSON.stringify(body),
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw ProblemError.network();
  }
  if (!response.ok) throw await ProblemError.fromResponse(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
};

const feedbackPath = (id: string) => `/feedback/${enc(id)}`;

export const fetchPortalMe = (signal?: AbortSignal) => request<Me>('/me', { signal });

export const requestSignInCode = (workspace: string, email: string) =>
  request<CodeRequested>('/auth/customer-codes', { method: 'POST', body: { workspace, email } });

export const confirmSignInCode = (workspace: string, email: string, code: string) =>
  request<Me>('/auth/customer-codes/confirm', {
    method: 'POST',
    body: { workspace, email, code },
  });

export const signOutOfPortal = () => request<void>('/auth/sessions/current', { method: 'DELETE' });

export const fetchPortalCatalog = (signal?: AbortSignal) =>
  request<CatalogView>('/catalog', { signal });

export type PortalListFilters = {
  sort: FeedbackSort;
  status: string | null;
  boardId: string | null;
};

export const fetchPortalFeedback = (
  { sort, status, boardId }: PortalListFilters,
  cursor: string | null,
  limit: number,
  signal?: AbortSignal,
) =>
  request<FeedbackPage>(`/feedback${query({ sort, status, boardId, cursor, limit })}`, { signal });

/** What the customer submitted, newest first, including posts awaiting approval. */
export const fetchMyFeedback = (cursor: string | null, limit: number, signal?: AbortSignal) =>
  request<FeedbackPage>(`/me/feedback${query({ cursor, limit })}`, { signal });

export const searchPortalFeedback = (q: string, signal?: AbortSignal) =>
  request<SearchResult>(`/search${query({ q, limit: 25 })}`, { signal });

export const fetchSimilar = (title: string, signal?: AbortSignal) =>
  request<SimilarFeedback>(`/search/similar${query({ title, limit: 5 })}`, { signal });

export const fetchPortalItem = (id: string, signal?: AbortSignal) =>
  request<FeedbackItem>(feedbackPath(id), { signal });

/** The published releases that answered the item: where it shipped. */
export const fetchPortalItemReleases = (id: string, signal?: AbortSignal) =>
  request<FeedbackReleases>(`${feedbackPath(id)}/releases`, { signal });

export const submitPortalFeedback = (input: {
  title: string;
  description?: string;
  boardId?: string;
}) => request<SubmittedFeedback>('/feedback', { method: 'POST', body: input });

export const setPortalVote = (id: string, voted: boolean) =>
  request<VoteResult>(`${feedbackPath(id)}/votes`, { method: voted ? 'POST' : 'DELETE' });

export const setPortalFollow = (id: string, following: boolean) =>
  request<FollowState>(`${feedbackPath(id)}/follow`, { method: following ? 'PUT' : 'DELETE' });

export const fetchPortalComments = (id: string, signal?: AbortSignal) =>
  request<CommentList>(`${feedbackPath(id)}/comments`, { signal });

export const postPortalComment = (id: string, body: string) =>
  request<CommentView>(`${feedbackPath(id)}/comments`, {
    method: 'POST',
    body: { body, visibility: 'public' },
  });

export const fetchPortalNotifications = (cursor: string | null, signal?: AbortSignal) =>
  request<NotificationPage>(`/me/notifications${query({ cursor })}`, { signal });

/** Without ids, every unread notification. */
export const markPortalNotificationsRead = (ids?: string[]) =>
  request<NotificationsMarkedRead>('/me/notifications/read', {
    method: 'POST',
    body: ids ? { ids } : {},
  });
