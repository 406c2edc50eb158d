import type {
  AcceptanceCriterionInput,
  BacklogFilters,
  BacklogItemChanged,
  BacklogItemInput,
  BacklogItemView,
  BacklogPage,
  EditBacklogItemInput,
  RankRequest,
} from '@chorus/domain/client';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type InfiniteData,
  type QueryClient,
} from '@tanstack/react-query';
import { isProblem } from '../api/problem-error';
import {
  changeAcceptanceCriteria,
  checkAcceptanceCriterion,
  createBacklogItem,
  editBacklogItem,
  fetchBacklogItem,
  fetchBacklogPage,
  fetchFeedbackBacklogItems,
  linkFeedback,
  rankBacklogItem,
  setInitiative,
  unlinkFeedback,
} from './backlog-api';

export type BacklogListFilters = Omit<BacklogFilters, 'cursor' | 'limit'>;
export type BacklogListData = InfiniteData<BacklogPage, string | null>;

export const backlogKeys = {
  all: ['backlog'] as const,
  lists: () => [...backlogKeys.all, 'list'] as const,
  list: (filters: BacklogListFilters) => [...backlogKeys.lists(), filters] as const,
  item: (id: string) => [...backlogKeys.all, 'item', id] as const,
  forFeedback: (feedbackId: string) => [...backlogKeys.all, 'for-feedback', feedbackId] as const,
};

/** The backlog now, or as it stood at `asOf`: the past does not change, so it is never stale. */
export const useBacklogList = (filters: BacklogListFilters, asOf: string | null = null) =>
  useInfiniteQuery({
    queryKey: asOf === null ? backlogKeys.list(filters) : [...backlogKeys.list(filters), { asOf }],
    queryFn: ({ pageParam, signal }) => fetchBacklogPage(filters, pageParam, asOf, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
    ...(asOf === null ? {} : { staleTime: Infinity }),
  });

export const useBacklogItem = (id: string) =>
  useQuery({
    queryKey: backlogKeys.item(id),
    queryFn: ({ signal }) => fetchBacklogItem(id, signal),
  });

/** An item's title, e.g. a parent's, read from its cached copy when there is one. */
export const useBacklogItemTitle = (id: string | null) =>
  useQuery({
    queryKey: backlogKeys.item(id ?? ''),
    queryFn: ({ signal }) => fetchBacklogItem(id ?? '', signal),
    enabled: id !== null,
    select: (item) => item.title,
  });

export const useFeedbackBacklogItems = (feedbackId: string) =>
  useQuery({
    queryKey: backlogKeys.forFeedback(feedbackId),
    queryFn: ({ signal }) => fetchFeedbackBacklogItems(feedbackId, signal),
  });

/** Reads lag commands by ~100 ms, sometimes more: check soon, then back off. */
const RECHECK_DELAYS_MS = [250, 500, 1000, 2000, 4000];

const sleep = (ms: number) => new Promise((resolve) => window.setTimeout(resolve, ms));

/**
 * After a command on an item succeeded, waits until the read model shows (at least) the version
 * it answered with and puts that copy in the cache; then refreshes whatever lists or scores items.
 * Stale reads are never cached, so an optimistic change does not flicker back meanwhile.
 */
export const settleItem = async (queryClient: QueryClient, { id, version }: BacklogItemChanged) => {
  let settled = false;
  for (const delay of RECHECK_DELAYS_MS) {
    await sleep(delay);
    try {
      const item = await fetchBacklogItem(id);
      if (item.version >= version) {
        queryClient.setQueryData(backlogKeys.item(id), item);
        settled = true;
        break;
      }
    } catch (error) {
      if (!isProblem(error, 404)) break;
    }
  }
  void queryClient.invalidateQueries({
    queryKey: backlogKeys.all,
    predicate: (query) => !settled || query.queryKey[1] !== 'item' || query.queryKey[2] !== id,
  });
  // Scores and "what to build next" follow the items' estimates, factors and linked feedback.
  void queryClient.invalidateQueries({
    queryKey: ['prioritisation'],
    predicate: (query) => query.queryKey[1] !== 'models',
  });
};

/** Definition of Ready as the server decides it, for an optimistic copy. */
const withReadiness = (item: BacklogItemView): BacklogItemView => {
  const missing = [
    item.acceptanceCriteria.length === 0 ? 'acceptance criteria' : null,
    item.estimate === null ? 'an estimate' : null,
  ].filter((part): part is string => part !== null);
  return {
    ...item,
    ready: missing.length === 0,
    notReadyReason:
      missing.length === 0
        ? null
        : `"${item.title}" is not ready: it needs ${missing.join(' and ')}.`,
  };
};

const patchItem = (
  queryClient: QueryClient,
  id: string,
  patch: (item: BacklogItemView) => BacklogItemView,
) => {
  queryClient.setQueryData<BacklogItemView>(
    backlogKeys.item(id),
    (item) => item && withReadiness(patch(item)),
  );
};

/** A command on one item: optional optimistic patch, rolled back on failure, then settled. */
const useItemCommand = <TVariables>(
  id: string,
  run: (variables: TVariables) => Promise<BacklogItemChanged>,
  optimistic?: (item: BacklogItemView, variables: TVariables) => BacklogItemView,
) => {
  const queryClient = useQueryClient();
  return useMutation({
    scope: { id: `backlog:${id}` },
    mutationFn: run,
    onMutate: async (variables: TVariables) => {
      if (!optimistic) return { previous: undefined };
      await queryClient.cancelQueries({ queryKey: backlogKeys.item(id) });
      const previous = queryClient.getQueryData<BacklogItemView>(backlogKeys.item(id));
      patchItem(queryClient, id, (item) => optimistic(item, variables));
      return { previous };
    },
    onError: (_error, _variables, context) => {
      if (context?.previous) queryClient.setQueryData(backlogKeys.item(id), context.previous);
    },
    onSuccess: (result) => {
      patchItem(queryClient, id, (item) => ({
        ...item,
        version: Math.max(item.version, result.version),
      }));
      return settleItem(queryClient, result);
    },
  });
};

export type ItemEdit = { version: number; changes: EditBacklogItemInput };

export const useEditItem = (id: string) =>
  useItemCommand(
    id,
    ({ version, changes }: ItemEdit) => editBacklogItem(id, version, changes),
    (item, { changes }) => ({ ...item, ...changes }),
  );

export const useChangeCriteria = (id: string) =>
  useItemCommand(
    id,
    ({ version, criteria }: { version: number; criteria: AcceptanceCriterionInput[] }) =>
      changeAcceptanceCriteria(id, version, criteria),
  );

export const useCheckCriterion = (id: string) =>
  useItemCommand(
    id,
    ({ criterionId, met }: { criterionId: string; met: boolean }) =>
      checkAcceptanceCriterion(id, criterionId, met),
    (item, { criterionId, met }) => ({
      ...item,
      acceptanceCriteria: item.acceptanceCriteria.map((criterion) =>
        criterion.id === criterionId ? { ...criterion, met } : criterion,
      ),
    }),
  );

export const useLinkFeedback = (id: string) =>
  useItemCommand(id, (feedbackId: string) => linkFeedback(id, feedbackId));

export const useUnlinkFeedback = (id: string) =>
  useItemCommand(
    id,
    (feedbackId: string) => unlinkFeedback(id, feedbackId),
    (item, feedbackId) => ({
      ...item,
      feedback: item.feedback.filter((linked) => linked.id !== feedbackId),
    }),
  );

export const useSetInitiative = (id: string) =>
  useItemCommand(
    id,
    (initiativeId: string | null) => setInitiative(id, initiativeId),
    (item, initiativeId) => ({ ...item, initiativeId }),
  );

export const useCreateItem = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: BacklogItemInput) => createBacklogItem(input),
    onSuccess: (result) => settleItem(queryClient, result),
  });
};

/** Moves `id` to `toIndex` of a list's items, keeping each loaded page's size. */
const moveInPages = (data: BacklogListData, id: string, toIndex: number): BacklogListData => {
  const items = data.pages.flatMap((page) => page.items);
  const from = items.findIndex((item) => item.id === id);
  const [moved] = from === -1 ? [] : items.splice(from, 1);
  if (!moved) return data;
  items.splice(toIndex, 0, moved);
  let start = 0;
  return {
    ...data,
    pages: data.pages.map((page) => {
      const slice = items.slice(start, start + page.items.length);
      start += page.items.length;
      return { ...page, items: slice };
    }),
  };
};

/** Where a dropped row landed: its index in the loaded list and its new neighbours' ids. */
export type RankMove = RankRequest & { id: string; toIndex: number };

/**
 * Drag and drop: the row moves at once; the server places it between its new neighbours. On
 * failure the list goes back to what it was.
 */
export const useRankItem = (filters: BacklogListFilters) => {
  const queryClient = useQueryClient();
  const key = backlogKeys.list(filters);
  return useMutation({
    // Moves reach the server in the order they were made, each against the list the user saw.
    scope: { id: 'backlog:rank' },
    mutationFn: ({ id, afterId, beforeId }: RankMove) => rankBacklogItem(id, { afterId, beforeId }),
    onMutate: async ({ id, toIndex }) => {
      await queryClient.cancelQueries({ queryKey: backlogKeys.lists() });
      const previous = queryClient.getQueryData<BacklogListData>(key);
      queryClient.setQueryData<BacklogListData>(
        key,
        (data) => data && moveInPages(data, id, toIndex),
      );
      return { previous };
    },
    onError: (_error, _move, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
    },
    // Not awaited: the row already sits where it was dropped, and the next move need not wait.
    onSuccess: (result) => void settleItem(queryClient, result),
  });
};
