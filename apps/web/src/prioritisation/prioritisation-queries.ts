import type { NextFilters, ScoringModelInput, ScoringModelsView } from '@chorus/domain/client';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { isProblem } from '../api/problem-error';
import { settleItem } from '../backlog/backlog-queries';
import {
  activateScoringModel,
  fetchItemScore,
  fetchNext,
  fetchScoringModels,
  removeScoringModel,
  saveScoringModel,
  setItemFactors,
} from './prioritisation-api';

export type NextListFilters = Omit<NextFilters, 'cursor' | 'limit'>;

const NEXT_PAGE_SIZE = 25;

export const prioritisationKeys = {
  all: ['prioritisation'] as const,
  models: () => [...prioritisationKeys.all, 'models'] as const,
  next: (filters: NextListFilters) => [...prioritisationKeys.all, 'next', filters] as const,
  score: (itemId: string) => [...prioritisationKeys.all, 'score', itemId] as const,
};

export const useScoringModels = () =>
  useQuery({
    queryKey: prioritisationKeys.models(),
    queryFn: ({ signal }) => fetchScoringModels(signal),
    staleTime: 60_000,
  });

export const useNextList = (filters: NextListFilters) =>
  useInfiniteQuery({
    queryKey: prioritisationKeys.next(filters),
    queryFn: ({ pageParam, signal }) => fetchNext(filters, pageParam, NEXT_PAGE_SIZE, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
  });

/** The most a page of "what to build next" holds: the backlog shows these items' scores. */
const SCORED_ITEMS_LIMIT = 100;
const noScores: ReadonlyMap<string, number> = new Map();

/** Scores under the active model of the best-scored items, by item id; empty until known. */
export const useScoreMap = (): ReadonlyMap<string, number> =>
  useQuery({
    queryKey: [...prioritisationKeys.all, 'score-map'],
    queryFn: ({ signal }) => fetchNext({}, null, SCORED_ITEMS_LIMIT, signal),
    select: (page) =>
      new Map(
        page.items.flatMap((entry) => (entry.score === null ? [] : [[entry.itemId, entry.score]])),
      ),
    // Scores are a nicety on the backlog: a failure leaves the column empty.
    retry: false,
  }).data ?? noScores;

export const useItemScore = (itemId: string) =>
  useQuery({
    queryKey: prioritisationKeys.score(itemId),
    queryFn: ({ signal }) => fetchItemScore(itemId, signal),
    // A new item is scored a moment after it is created: look again until it is.
    refetchInterval: (query) => (isProblem(query.state.error, 404) ? 3000 : false),
  });

/**
 * Every model change answers with all the models: they replace the cached ones, and scores
 * computed under the old definitions are fetched again.
 */
const useModelsChange = <TInput>(change: (input: TInput) => Promise<ScoringModelsView>) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: (models) => {
      queryClient.setQueryData(prioritisationKeys.models(), models);
      void queryClient.invalidateQueries({
        queryKey: prioritisationKeys.all,
        predicate: (query) => query.queryKey[1] !== 'models',
      });
    },
  });
};

export const useSaveModel = () =>
  useModelsChange(
    ({ modelId, version, input }: { modelId: string; version: number; input: ScoringModelInput }) =>
      saveScoringModel(modelId, version, input),
  );

export const useRemoveModel = () => useModelsChange(removeScoringModel);

export const useActivateModel = () => useModelsChange(activateScoringModel);

const RECHECK_DELAYS_MS = [250, 500, 1000, 2000, 4000];
const sleep = (ms: number) => new Promise((resolve) => window.setTimeout(resolve, ms));

/** Scores are projected after the item: waits until the item's score shows the values set. */
const settleScore = async (
  queryClient: QueryClient,
  itemId: string,
  factors: Record<string, number>,
) => {
  for (const delay of RECHECK_DELAYS_MS) {
    await sleep(delay);
    try {
      const breakdown = await fetchItemScore(itemId);
      const shown = Object.entries(factors).every(([key, value]) => {
        const factor = breakdown.factors.find((f) => f.key === key);
        return factor === undefined || factor.value === value;
      });
      if (shown) {
        queryClient.setQueryData(prioritisationKeys.score(itemId), breakdown);
        break;
      }
    } catch (error) {
      if (!isProblem(error, 404)) break;
    }
  }
  void queryClient.invalidateQueries({
    queryKey: prioritisationKeys.all,
    predicate: (query) => query.queryKey[1] !== 'score' && query.queryKey[1] !== 'models',
  });
};

export const useSetFactors = (itemId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    scope: { id: `backlog:${itemId}` },
    mutationFn: (factors: Record<string, number>) => setItemFactors(itemId, factors),
    onSuccess: async (result, factors) => {
      await settleItem(queryClient, result);
      await settleScore(queryClient, itemId, factors);
    },
  });
};
