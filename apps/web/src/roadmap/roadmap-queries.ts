import type {
  EditInitiativeInput,
  InitiativeChanged,
  InitiativeInput,
  InitiativeView,
  RoadmapLaneName,
  RoadmapView,
} from '@chorus/domain/client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { settle } from '../sprints/settle';
import {
  archiveInitiative,
  createInitiative,
  editInitiative,
  fetchRoadmap,
  moveInitiative,
} from './roadmap-api';
import { roadmapLanes } from './roadmap-ui';

export const roadmapKey = ['roadmap'] as const;

/** The roadmap now, or as it stood at `asOf`: the past does not change, so it is never stale. */
export const useRoadmap = (asOf: string | null = null) =>
  useQuery({
    queryKey: asOf === null ? roadmapKey : [...roadmapKey, { asOf }],
    queryFn: ({ signal }) => fetchRoadmap(asOf, signal),
    ...(asOf === null ? {} : { staleTime: Infinity }),
  });

export const allInitiatives = (roadmap: RoadmapView): InitiativeView[] =>
  roadmapLanes.flatMap((lane) => roadmap.lanes[lane]);

const findInitiative = (roadmap: RoadmapView, id: string) =>
  allInitiatives(roadmap).find((initiative) => initiative.id === id);

/** The roadmap with one initiative changed wherever it is listed. */
const withInitiative = (
  roadmap: RoadmapView,
  id: string,
  change: (initiative: InitiativeView) => InitiativeView,
): RoadmapView => {
  const replace = (list: InitiativeView[]) => list.map((i) => (i.id === id ? change(i) : i));
  return {
    lanes: Object.fromEntries(
      roadmapLanes.map((lane) => [lane, replace(roadmap.lanes[lane])]),
    ) as RoadmapView['lanes'],
    quarters: roadmap.quarters.map((q) => ({ ...q, initiatives: replace(q.initiatives) })),
    unscheduled: replace(roadmap.unscheduled),
  };
};

const withLane = (roadmap: RoadmapView, id: string, lane: RoadmapLaneName): RoadmapView => {
  const moved = withInitiative(roadmap, id, (initiative) => ({ ...initiative, lane }));
  const initiative = findInitiative(moved, id);
  if (!initiative) return roadmap;
  return {
    ...moved,
    lanes: Object.fromEntries(
      roadmapLanes.map((name) => [
        name,
        [...moved.lanes[name].filter((i) => i.id !== id), ...(name === lane ? [initiative] : [])],
      ]),
    ) as RoadmapView['lanes'],
  };
};

/** A command on the roadmap; `isFresh` says when the read model shows its answer. */
const useRoadmapCommand = <TVariables>(
  run: (variables: TVariables) => Promise<InitiativeChanged>,
  isFresh: (roadmap: RoadmapView, result: InitiativeChanged) => boolean,
  optimistic?: (roadmap: RoadmapView, variables: TVariables) => RoadmapView,
) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onMutate: async (variables: TVariables) => {
      // At once, then drop any read in flight (which restores this copy, set by hand).
      const previous = queryClient.getQueryData<RoadmapView>(roadmapKey);
      if (optimistic && previous)
        queryClient.setQueryData(roadmapKey, optimistic(previous, variables));
      await queryClient.cancelQueries({ queryKey: roadmapKey });
      return { previous };
    },
    onError: (_error, _variables, context) => {
      if (context?.previous) queryClient.setQueryData(roadmapKey, context.previous);
    },
    onSuccess: (result) =>
      settle(
        queryClient,
        roadmapKey,
        () => fetchRoadmap(null),
        (roadmap) => isFresh(roadmap, result),
      ),
  });
};

const showsVersion = (roadmap: RoadmapView, { id, version }: InitiativeChanged) =>
  (findInitiative(roadmap, id)?.version ?? -1) >= version;

export const useCreateInitiative = () =>
  useRoadmapCommand((input: InitiativeInput) => createInitiative(input), showsVersion);

export const useEditInitiative = () =>
  useRoadmapCommand(
    ({ id, version, changes }: { id: string; version: number; changes: EditInitiativeInput }) =>
      editInitiative(id, version, changes),
    showsVersion,
  );

export const useMoveInitiative = () =>
  useRoadmapCommand(
    ({ id, lane }: { id: string; lane: RoadmapLaneName }) => moveInitiative(id, lane),
    showsVersion,
    (roadmap, { id, lane }) => withLane(roadmap, id, lane),
  );

export const useArchiveInitiative = () =>
  useRoadmapCommand(
    (id: string) => archiveInitiative(id),
    (roadmap, { id }) => findInitiative(roadmap, id) === undefined,
  );
