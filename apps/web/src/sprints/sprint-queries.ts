import type {
  CompleteSprintRequest,
  SprintBoard,
  SprintBoardColumn,
  SprintDetail,
  SprintInput,
  SprintItemView,
  SprintStateName,
  WorkStateName,
} from '@chorus/domain/client';
import { sprintBoardColumns } from '@chorus/domain/client';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { checkAcceptanceCriterion } from '../backlog/backlog-api';
import { backlogKeys } from '../backlog/backlog-queries';
import {
  acceptItem,
  changeWorkState,
  completeSprint,
  createSprint,
  fetchSprint,
  fetchSprints,
  planItem,
  rejectItem,
  startSprint,
  unplanItem,
} from './sprint-api';
import { beginWrite, settle } from './settle';

export const sprintKeys = {
  all: ['sprints'] as const,
  list: (state: SprintStateName | null) => [...sprintKeys.all, 'list', state] as const,
  detail: (id: string) => [...sprintKeys.all, 'detail', id] as const,
};

export const useSprints = (state: SprintStateName | null) =>
  useQuery({
    queryKey: sprintKeys.list(state),
    queryFn: ({ signal }) => fetchSprints(state, signal),
  });

export const useSprint = (id: string) =>
  useQuery({
    queryKey: sprintKeys.detail(id),
    queryFn: ({ signal }) => fetchSprint(id, signal),
  });

export const boardItems = (board: SprintBoard): SprintItemView[] =>
  sprintBoardColumns.flatMap((column) => board[column]);

export const findOnBoard = (board: SprintBoard, itemId: string): SprintItemView | undefined =>
  boardItems(board).find((item) => item.id === itemId);

const withoutItem = (board: SprintBoard, itemId: string): SprintBoard =>
  Object.fromEntries(
    sprintBoardColumns.map((column) => [column, board[column].filter((i) => i.id !== itemId)]),
  ) as SprintBoard;

/** The board with one item moved to the end of `column`, its status following. */
const moveOnBoard = (
  board: SprintBoard,
  itemId: string,
  column: SprintBoardColumn,
): SprintBoard => {
  const item = findOnBoard(board, itemId);
  if (!item) return board;
  const rest = withoutItem(board, itemId);
  return { ...rest, [column]: [...rest[column], { ...item, status: column }] };
};

/**
 * Everything else a sprint command may have changed: the sprint lists, other sprints (completing
 * one carries items into the next) and the backlog. The sprint itself was settled already, or is
 * being settled by a later command whose change a refetch now could hide.
 */
const refreshOthers = async (queryClient: QueryClient, sprintId: string) => {
  const own = sprintKeys.detail(sprintId);
  await queryClient.invalidateQueries({
    queryKey: sprintKeys.all,
    predicate: (query) => query.queryKey[1] !== own[1] || query.queryKey[2] !== own[2],
  });
  await queryClient.invalidateQueries({ queryKey: backlogKeys.all });
};

type SprintCommand<TVariables, TResult> = {
  run: (variables: TVariables) => Promise<TResult>;
  /** The change as the page shows it at once; rolled back if the command fails. */
  optimistic?: (detail: SprintDetail, variables: TVariables) => SprintDetail;
  /** True once the read model has caught up with the command. */
  isFresh: (detail: SprintDetail, result: TResult, variables: TVariables) => boolean;
};

/** A command that changes a sprint or one of its items; the sprint page follows it. */
const useSprintCommand = <TVariables, TResult>(
  sprintId: string,
  { run, optimistic, isFresh }: SprintCommand<TVariables, TResult>,
) => {
  const queryClient = useQueryClient();
  const key = sprintKeys.detail(sprintId);
  return useMutation({
    mutationFn: run,
    onMutate: async (variables: TVariables) => {
      // Only the latest change to the board settles it, so one does not undo another on screen.
      const write = beginWrite(`sprint:${sprintId}`);
      const previous = queryClient.getQueryData<SprintDetail>(key);
      // At once, so a checkbox or card does not spring back meanwhile; a read in flight is then
      // dropped, and a dropped read restores this copy (set by hand), not the one before it.
      if (optimistic && previous) queryClient.setQueryData(key, optimistic(previous, variables));
      await queryClient.cancelQueries({ queryKey: key });
      return { previous, write };
    },
    onError: (_error, _variables, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
    },
    onSuccess: async (result, variables, context) => {
      await settle(
        queryClient,
        key,
        () => fetchSprint(sprintId),
        (detail) => isFresh(detail, result, variables),
        context.write.superseded,
      );
      await refreshOthers(queryClient, sprintId);
    },
  });
};

export const useCreateSprint = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SprintInput) => createSprint(input),
    // The page opens the new sprint once the read model has it.
    onSuccess: async (sprint) => {
      await settle(
        queryClient,
        sprintKeys.detail(sprint.id),
        () => fetchSprint(sprint.id),
        () => true,
      );
      await refreshOthers(queryClient, sprint.id);
    },
  });
};

/** A backlog item as a card of the board, for planning it before the server says so. */
type PlannedItem = Omit<SprintItemView, 'status'>;

export const usePlanItem = (sprintId: string) =>
  useSprintCommand(sprintId, {
    run: (item: PlannedItem) => planItem(sprintId, item.id),
    optimistic: (detail, item) => ({
      ...detail,
      itemCount: detail.itemCount + 1,
      plannedPoints: detail.plannedPoints + (item.estimate ?? 0),
      items: { ...detail.items, todo: [...detail.items.todo, { ...item, status: 'todo' }] },
    }),
    isFresh: (detail, _result, item) => findOnBoard(detail.items, item.id) !== undefined,
  });

export const useUnplanItem = (sprintId: string) =>
  useSprintCommand(sprintId, {
    run: (item: SprintItemView) => unplanItem(sprintId, item.id),
    optimistic: (detail, item) => ({
      ...detail,
      itemCount: detail.itemCount - 1,
      plannedPoints: detail.plannedPoints - (item.estimate ?? 0),
      items: withoutItem(detail.items, item.id),
    }),
    isFresh: (detail, _result, item) => findOnBoard(detail.items, item.id) === undefined,
  });

export const useStartSprint = (sprintId: string) =>
  useSprintCommand(sprintId, {
    run: () => startSprint(sprintId),
    isFresh: (detail) => detail.state === 'active',
  });

export const useCompleteSprint = (sprintId: string) =>
  useSprintCommand(sprintId, {
    run: (request: CompleteSprintRequest) => completeSprint(sprintId, request),
    isFresh: (detail) => detail.state === 'completed',
  });

export const useMoveItem = (sprintId: string) =>
  useSprintCommand(sprintId, {
    run: ({ itemId, to }: { itemId: string; to: WorkStateName }) => changeWorkState(itemId, to),
    optimistic: (detail, { itemId, to }) => ({
      ...detail,
      items: moveOnBoard(detail.items, itemId, to),
    }),
    isFresh: (detail, result) => findOnBoard(detail.items, result.id)?.status === result.status,
  });

export const useAcceptItem = (sprintId: string) =>
  useSprintCommand(sprintId, {
    run: (itemId: string) => acceptItem(itemId),
    isFresh: (detail, result) => findOnBoard(detail.items, result.id)?.status === result.status,
  });

export const useRejectItem = (sprintId: string) =>
  useSprintCommand(sprintId, {
    run: ({ itemId, reason }: { itemId: string; reason: string }) => rejectItem(itemId, reason),
    isFresh: (detail, result) => findOnBoard(detail.items, result.id)?.status === result.status,
  });

const withCriterion = (
  detail: SprintDetail,
  itemId: string,
  criterionId: string,
  met: boolean,
): SprintDetail => ({
  ...detail,
  items: Object.fromEntries(
    sprintBoardColumns.map((column) => [
      column,
      detail.items[column].map((item) =>
        item.id === itemId
          ? {
              ...item,
              acceptanceCriteria: item.acceptanceCriteria.map((criterion) =>
                criterion.id === criterionId ? { ...criterion, met } : criterion,
              ),
            }
          : item,
      ),
    ]),
  ) as SprintBoard,
});

export const useCheckCriterion = (sprintId: string) =>
  useSprintCommand(sprintId, {
    run: ({ itemId, criterionId, met }: { itemId: string; criterionId: string; met: boolean }) =>
      checkAcceptanceCriterion(itemId, criterionId, met),
    optimistic: (detail, { itemId, criterionId, met }) =>
      withCriterion(detail, itemId, criterionId, met),
    isFresh: (detail, _result, { itemId, criterionId, met }) =>
      findOnBoard(detail.items, itemId)?.acceptanceCriteria.find((c) => c.id === criterionId)
        ?.met === met,
  });
