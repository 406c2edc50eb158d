import type { CommentList, FeedbackItem, FeedbackPage, Me } from '@chorus/domain/client';
import {
  keepPreviousData,
  type QueryClient,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { isProblem } from '../api/problem-error';
import { useMarkNotificationsRead } from '../notifications/notification-queries';
import {
  confirmSignInCode,
  fetchMyFeedback,
  fetchPortalCatalog,
  fetchPortalComments,
  fetchPortalFeedback,
  fetchPortalItem,
  fetchPortalItemReleases,
  fetchPortalMe,
  fetchPortalNotifications,
  fetchSimilar,
  markPortalNotificationsRead,
  postPortalComment,
  searchPortalFeedback,
  setPortalFollow,
  setPortalVote,
  signOutOfPortal,
  submitPortalFeedback,
  type PortalListFilters,
} from './portal-api';

const PAGE_SIZE = 20;
/** "My requests" reads the visible feedback in pages this big, at most this many pages. */
const MINE_PAGE_SIZE = 100;
const MINE_MAX_PAGES = 10;

export const portalKeys = {
  all: ['portal'] as const,
  me: ['portal', 'me'] as const,
  catalog: ['portal', 'catalog'] as const,
  feedback: ['portal', 'feedback'] as const,
  list: (filters: PortalListFilters) => ['portal', 'feedback', 'list', filters] as const,
  search: (q: string) => ['portal', 'feedback', 'search', q] as const,
  mine: (userId: string) => ['portal', 'feedback', 'mine', userId] as const,
  /** Apart from the lists: a vote must not refetch the item before the read model has it. */
  item: (id: string) => ['portal', 'item', id] as const,
  comments: (id: string) => ['portal', 'comments', id] as const,
  releases: (id: string) => ['portal', 'releases', id] as const,
  similar: (title: string) => ['portal', 'similar', title] as const,
  notifications: ['portal', 'notifications'] as const,
};

/** Who is signed in; null when nobody is (a 401), so the portal offers its sign-in. */
export const usePortalMe = () =>
  useQuery({
    queryKey: portalKeys.me,
    queryFn: async ({ signal }) => {
      try {
        return await fetchPortalMe(signal);
      } catch (error) {
        if (isProblem(error, 401)) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });

export const usePortalCatalog = (enabled: boolean) =>
  useQuery({
    queryKey: portalKeys.catalog,
    queryFn: ({ signal }) => fetchPortalCatalog(signal),
    enabled,
    staleTime: 5 * 60_000,
  });

export const usePortalFeedback = (filters: PortalListFilters, enabled: boolean) =>
  useInfiniteQuery({
    queryKey: portalKeys.list(filters),
    queryFn: ({ pageParam, signal }) => fetchPortalFeedback(filters, pageParam, PAGE_SIZE, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    enabled,
    placeholderData: keepPreviousData,
  });

export const usePortalSearch = (q: string) =>
  useQuery({
    queryKey: portalKeys.search(q),
    queryFn: ({ signal }) => searchPortalFeedback(q, signal),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
  });

/** Every page of a list, up to MINE_MAX_PAGES; `complete` says whether that was all. */
const readPages = async (
  fetchPage: (cursor: string | null) => Promise<FeedbackPage>,
): Promise<{ items: FeedbackItem[]; complete: boolean }> => {
  const items: FeedbackItem[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < MINE_MAX_PAGES; page += 1) {
    const result = await fetchPage(cursor);
    items.push(...result.items);
    cursor = result.nextCursor;
    if (cursor === null) break;
  }
  return { items, complete: cursor === null };
};

/**
 * What the customer asked for (awaiting approval included), and what they voted on or follow
 * among the feedback they can see.
 */
export const useMyRequests = (userId: string) =>
  useQuery({
    queryKey: portalKeys.mine(userId),
    queryFn: async ({ signal }) => {
      const [submitted, visible] = await Promise.all([
        readPages((cursor) => fetchMyFeedback(cursor, MINE_PAGE_SIZE, signal)),
        readPages((cursor) =>
          fetchPortalFeedback(
            { sort: 'newest', status: null, boardId: null },
            cursor,
            MINE_PAGE_SIZE,
            signal,
          ),
        ),
      ]);
      return { submitted, visible };
    },
    select: ({ submitted, visible }) => {
      const others = visible.items.filter((item) => item.authorId !== userId);
      return {
        submitted: submitted.items,
        voted: others.filter((item) => item.votedByMe),
        followed: others.filter((item) => item.following && !item.votedByMe),
        complete: submitted.complete && visible.complete,
      };
    },
  });

/** A request just submitted may reach the read model a moment after its page opens. */
const NOT_YET_RETRIES = 4;

export const usePortalItem = (id: string) =>
  useQuery({
    queryKey: portalKeys.item(id),
    queryFn: ({ signal }) => fetchPortalItem(id, signal),
    retry: (failures, error) =>
      isProblem(error, 404) ? failures < NOT_YET_RETRIES : failures < 3 && !isProblem(error, 403),
    retryDelay: (failures) => 250 * 2 ** failures,
  });

/**
 * Secondary to the item, whose page waits for it: a failure is not retried, the page just omits
 * the "shipped" panel.
 */
export const usePortalItemReleases = (id: string) =>
  useQuery({
    queryKey: portalKeys.releases(id),
    queryFn: ({ signal }) => fetchPortalItemReleases(id, signal),
    retry: false,
  });

export const usePortalComments = (id: string) =>
  useQuery({
    queryKey: portalKeys.comments(id),
    queryFn: ({ signal }) => fetchPortalComments(id, signal),
  });

export const useSimilarFeedback = (title: string) =>
  useQuery({
    queryKey: portalKeys.similar(title),
    queryFn: ({ signal }) => fetchSimilar(title, signal),
    enabled: title.length >= 3,
    placeholderData: keepPreviousData,
  });

/**
 * Nothing read as someone else survives a sign-in or sign-out. `me` is replaced, not removed: the
 * page observes it, and a removed query would never tell it who is reading now.
 */
const switchReader = (client: QueryClient, me: Me | null) => {
  client.removeQueries({
    queryKey: portalKeys.all,
    predicate: ({ queryKey }) => queryKey[1] !== 'me',
  });
  client.setQueryData(portalKeys.me, me);
};

export const useConfirmCode = (slug: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ email, code }: { email: string; code: string }) =>
      confirmSignInCode(slug, email, code),
    onSuccess: (me) => switchReader(client, me),
  });
};

export const useSignOut = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: signOutOfPortal,
    onSettled: () => switchReader(client, null),
  });
};

export const useSubmitFeedback = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: submitPortalFeedback,
    onSuccess: () => client.invalidateQueries({ queryKey: portalKeys.feedback }),
  });
};

export const useVote = (id: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (voted: boolean) => setPortalVote(id, voted),
    onSuccess: ({ voted }) => {
      // Voting makes one a follower unless one unfollowed by hand: the item's next read says.
      client.setQueryData<FeedbackItem>(portalKeys.item(id), (item) =>
        item && item.votedByMe !== voted
          ? {
              ...item,
              votedByMe: voted,
              voteCount: item.voteCount + (voted ? 1 : -1),
              following: item.following || voted,
            }
          : item,
      );
      void client.invalidateQueries({ queryKey: portalKeys.feedback });
    },
  });
};

export const useFollow = (id: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (following: boolean) => setPortalFollow(id, following),
    onSuccess: ({ following }) => {
      client.setQueryData<FeedbackItem>(portalKeys.item(id), (item) =>
        item ? { ...item, following } : item,
      );
      void client.invalidateQueries({ queryKey: portalKeys.feedback });
    },
  });
};

export const usePostComment = (id: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => postPortalComment(id, body),
    // The answer is the comment itself: shown at once, without waiting for the read model.
    onSuccess: (comment) => {
      client.setQueryData<CommentList>(portalKeys.comments(id), (list) =>
        list && !list.comments.some((existing) => existing.id === comment.id)
          ? { comments: [...list.comments, comment] }
          : list,
      );
      void client.invalidateQueries({ queryKey: portalKeys.feedback });
    },
  });
};

/** The customer's notifications, newest first; `enabled` once someone is signed in. */
export const usePortalNotifications = (enabled: boolean) =>
  useInfiniteQuery({
    queryKey: portalKeys.notifications,
    queryFn: ({ pageParam, signal }) => fetchPortalNotifications(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    enabled,
    // News arrives when the team publishes or answers: look now and then.
    refetchInterval: 60_000,
  });

/** Marks some (or, without ids, all) of the customer's notifications read, on screen at once. */
export const useMarkPortalNotificationsRead = () =>
  useMarkNotificationsRead(portalKeys.notifications, markPortalNotificationsRead);
