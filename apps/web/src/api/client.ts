import type { FeedbackStatus } from '@chorus/domain/client';
import { enc, getJson, ignoreBody, query, readJson, send, sendJson } from './request';
import type {
  CatalogView,
  CategoriseFeedbackInput,
  CommentList,
  CommentView,
  CompanyDetail,
  CompanyPage,
  CreateBoardInput,
  CreateCategoryInput,
  CreateStatusInput,
  CreateTagInput,
  CustomerPage,
  EditCommentInput,
  EditedFeedback,
  EditFeedbackInput,
  FeedbackChanged,
  FeedbackItem,
  FeedbackPage,
  FeedbackPageQuery,
  Follower,
  FollowerList,
  FollowState,
  ImportKind,
  ImportReport,
  Me,
  MergePreview,
  MergeResult,
  OnBehalfOfInput,
  PostCommentInput,
  RenameCategoryInput,
  SearchResult,
  SimilarFeedback,
  StatusChanged,
  SubmitFeedbackInput,
  SubmittedFeedback,
  Teammate,
  TeammateList,
  Timeline,
  UpdateBoardInput,
  UpdateStatusInput,
  UpdateTagInput,
  VoteResult,
} from './types';

/** Paths used from more than one place. */
export const API_PATHS = {
  similar: '/search/similar',
  search: '/search',
  catalog: '/catalog',
  teammates: '/teammates',
  companies: '/companies',
  customers: '/customers',
  imports: '/imports',
} as const;

const feedbackPath = (id: string) => `/feedback/${enc(id)}`;

/** ETags look like `"7"` (or `W/"7"`); the number inside is the item's version. */
const versionFromEtag = (etag: string | null): number | null => {
  const match = /^(?:W\/)?"(\d+)"$/.exec(etag ?? '');
  return match?.[1] === undefined ? null : Number(match[1]);
};

export const fetchMe = async (signal?: AbortSignal): Promise<Me> => getJson<Me>('/me', signal);

// Feedback

export const fetchFeedbackPage = async (
  { sort, limit, cursor, ...filters }: FeedbackPageQuery,
  signal?: AbortSignal,
): Promise<FeedbackPage> =>
  getJson<FeedbackPage>(`/feedback${query({ sort, limit, cursor, ...filters })}`, signal);

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
): Promise<EditedFeedback> => sendJson<EditedFeedback>(feedbackPath(id), 'PATCH', changes, version);

export const castVote = async (id: string, onBehalfOf?: OnBehalfOfInput): Promise<VoteResult> =>
  readJson<VoteResult>(
    await send(`${feedbackPath(id)}/votes`, {
      method: 'POST',
      body: onBehalfOf ? { onBehalfOf } : undefined,
    }),
  );

export const withdrawVote = async (id: string): Promise<VoteResult> =>
  readJson<VoteResult>(await send(`${feedbackPath(id)}/votes`, { method: 'DELETE' }));

export const changeFeedbackStatus = async (
  id: string,
  status: FeedbackStatus,
): Promise<StatusChanged> =>
  readJson<StatusChanged>(
    await send(`${feedbackPath(id)}/status`, { method: 'POST', body: { status } }),
  );

export const setFeedbackTag = async (
  id: string,
  tagId: string,
  tagged: boolean,
): Promise<FeedbackChanged> =>
  readJson<FeedbackChanged>(
    await send(`${feedbackPath(id)}/tags/${enc(tagId)}`, { method: tagged ? 'PUT' : 'DELETE' }),
  );

export const setFeedbackCategory = async (
  id: string,
  categoryId: string | null,
): Promise<FeedbackChanged> =>
  readJson<FeedbackChanged>(
    await send(`${feedbackPath(id)}/category`, {
      method: 'PUT',
      body: { categoryId } satisfies CategoriseFeedbackInput,
    }),
  );

export const approveFeedback = async (id: string): Promise<FeedbackChanged> =>
  readJson<FeedbackChanged>(await send(`${feedbackPath(id)}/approve`, { method: 'POST' }));

export const rejectFeedback = async (id: string, reason?: string): Promise<FeedbackChanged> =>
  readJson<FeedbackChanged>(
    await send(`${feedbackPath(id)}/reject`, { method: 'POST', body: reason ? { reason } : {} }),
  );

export const setFeedbackSpam = async (id: string, spam: boolean): Promise<FeedbackChanged> =>
  readJson<FeedbackChanged>(
    await send(`${feedbackPath(id)}/spam`, { method: spam ? 'PUT' : 'DELETE' }),
  );

export const fetchMergePreview = async (
  id: string,
  intoId: string,
  signal?: AbortSignal,
): Promise<MergePreview> =>
  getJson<MergePreview>(`${feedbackPath(id)}/merge-preview${query({ intoId })}`, signal);

export const mergeFeedback = async (id: string, intoId: string): Promise<MergeResult> =>
  readJson<MergeResult>(
    await send(`${feedbackPath(id)}/merge`, { method: 'POST', body: { intoId } }),
  );

export const unmergeFeedback = async (id: string): Promise<void> =>
  ignoreBody(await send(`${feedbackPath(id)}/merge`, { method: 'DELETE' }));

export const fetchTimeline = async (id: string, signal?: AbortSignal): Promise<Timeline> =>
  getJson<Timeline>(`${feedbackPath(id)}/timeline`, signal);

export const fetchComments = async (id: string, signal?: AbortSignal): Promise<CommentList> =>
  getJson<CommentList>(`${feedbackPath(id)}/comments`, signal);

export const postComment = async (id: string, input: PostCommentInput): Promise<CommentView> =>
  readJson<CommentView>(
    await send(`${feedbackPath(id)}/comments`, { method: 'POST', body: input }),
  );

export const editComment = async (commentId: string, input: EditCommentInput): Promise<void> =>
  ignoreBody(await send(`/comments/${enc(commentId)}`, { method: 'PATCH', body: input }));

export const deleteComment = async (commentId: string): Promise<void> =>
  ignoreBody(await send(`/comments/${enc(commentId)}`, { method: 'DELETE' }));

export const fetchTeammates = async (signal?: AbortSignal): Promise<Teammate[]> =>
  (await getJson<TeammateList>(API_PATHS.teammates, signal)).teammates;

export const setFollowing = async (id: string, following: boolean): Promise<FollowState> =>
  readJson<FollowState>(
    await send(`${feedbackPath(id)}/follow`, { method: following ? 'PUT' : 'DELETE' }),
  );

export const fetchFollowers = async (id: string, signal?: AbortSignal): Promise<Follower[]> =>
  (await getJson<FollowerList>(`${feedbackPath(id)}/followers`, signal)).followers;

// Search

export const searchFeedback = async (q: string, signal?: AbortSignal): Promise<SearchResult> =>
  getJson<SearchResult>(`${API_PATHS.search}${query({ q })}`, signal);

export const fetchSimilarFeedback = async (
  title: string,
  signal?: AbortSignal,
): Promise<SimilarFeedback> =>
  getJson<SimilarFeedback>(`${API_PATHS.similar}${query({ title })}`, signal);

// Catalog

export const fetchCatalog = async (signal?: AbortSignal): Promise<CatalogView> =>
  getJson<CatalogView>(API_PATHS.catalog, signal);

const catalogChange = async (
  path: string,
  method: 'POST' | 'PATCH' | 'DELETE',
  body?: unknown,
): Promise<CatalogView> =>
  readJson<CatalogView>(await send(`${API_PATHS.catalog}${path}`, { method, body }));

export const createBoard = (input: CreateBoardInput) => catalogChange('/boards', 'POST', input);
export const updateBoard = (id: string, input: UpdateBoardInput) =>
  catalogChange(`/boards/${enc(id)}`, 'PATCH', input);
export const createCategory = (boardId: string, input: CreateCategoryInput) =>
  catalogChange(`/boards/${enc(boardId)}/categories`, 'POST', input);
export const renameCategory = (boardId: string, categoryId: string, input: RenameCategoryInput) =>
  catalogChange(`/boards/${enc(boardId)}/categories/${enc(categoryId)}`, 'PATCH', input);
export const createTag = (input: CreateTagInput) => catalogChange('/tags', 'POST', input);
export const updateTag = (id: string, input: UpdateTagInput) =>
  catalogChange(`/tags/${enc(id)}`, 'PATCH', input);
export const deleteTag = (id: string) => catalogChange(`/tags/${enc(id)}`, 'DELETE');
export const createStatus = (input: CreateStatusInput) => catalogChange('/statuses', 'POST', input);
export const updateStatus = (id: string, input: UpdateStatusInput) =>
  catalogChange(`/statuses/${enc(id)}`, 'PATCH', input);

// Companies and customers

export const fetchCompanies = async (
  q: string,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<CompanyPage> =>
  getJson<CompanyPage>(`${API_PATHS.companies}${query({ q, cursor, limit: 25 })}`, signal);

export const fetchCompany = async (id: string, signal?: AbortSignal): Promise<CompanyDetail> =>
  getJson<CompanyDetail>(`${API_PATHS.companies}/${enc(id)}`, signal);

export const fetchCustomers = async (
  q: string,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<CustomerPage> =>
  getJson<CustomerPage>(`${API_PATHS.customers}${query({ q, cursor, limit: 25 })}`, signal);

export const importCsv = async (
  kind: ImportKind,
  csv: string,
  dryRun: boolean,
): Promise<ImportReport> =>
  readJson<ImportReport>(
    await send(`${API_PATHS.imports}/${kind}${query({ dryRun })}`, {
      method: 'POST',
      rawBody: csv,
      headers: { 'Content-Type': 'text/csv' },
    }),
  );
