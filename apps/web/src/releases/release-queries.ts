import type {
  EditReleaseInput,
  ReleaseInput,
  ReleaseState,
  ReleaseView,
} from '@chorus/domain/client';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { isProblem } from '../api/problem-error';
import { backlogKeys } from '../backlog/backlog-queries';
import { notificationKeys } from '../notifications/notification-queries';
import { feedbackKeys } from '../queries/feedback-keys';
import { settle } from '../sprints/settle';
import {
  addReleaseItem,
  createRelease,
  editRelease,
  fetchChangelog,
  fetchRelease,
  fetchReleases,
  publishRelease,
  removeReleaseItem,
  scheduleRelease,
  unscheduleRelease,
  writeChangelog,
} from './release-api';

export const releaseKeys = {
  all: ['releases'] as const,
  list: (state: ReleaseState | null) => [...releaseKeys.all, 'list', state] as const,
  detail: (id: string) => [...releaseKeys.all, 'detail', id] as const,
};

export const changelogKey = ['changelog'] as const;

export const useReleases = (state: ReleaseState | null) =>
  useInfiniteQuery({
    queryKey: releaseKeys.list(state),
    queryFn: ({ pageParam, signal }) => fetchReleases(state, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
  });

export const useRelease = (id: string) =>
  useQuery({
    queryKey: releaseKeys.detail(id),
    queryFn: ({ signal }) => fetchRelease(id, signal),
  });

export const useChangelog = () =>
  useInfiniteQuery({
    queryKey: changelogKey,
    queryFn: ({ pageParam, signal }) => fetchChangelog(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });

/**
 * A command's answer is the release as it is now: it replaces the cached one at once. The read
 * model follows; its copy is taken only once it is at least as new as the one on screen.
 */
const adoptRelease = async (queryClient: QueryClient, view: ReleaseView) => {
  const key = releaseKeys.detail(view.id);
  queryClient.setQueryData(key, view);
  await settle(
    queryClient,
    key,
    () => fetchRelease(view.id),
    (read) => read.version >= (queryClient.getQueryData<ReleaseView>(key)?.version ?? 0),
  );
  await queryClient.invalidateQueries({ queryKey: [...releaseKeys.all, 'list'] });
};

export const useCreateRelease = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ReleaseInput) => createRelease(input),
    onSuccess: (view) => void adoptRelease(queryClient, view),
  });
};

const useReleaseCommand = <TVariables>(
  id: string,
  run: (variables: TVariables) => Promise<ReleaseView>,
) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onError: (error) => {
      // Someone else changed it: fetch their version so a second try goes against it.
      if (isProblem(error, 412)) {
        void queryClient.invalidateQueries({ queryKey: releaseKeys.detail(id) });
      }
    },
    onSuccess: (view) => {
      // An item in a release is not offered to another one.
      void adoptRelease(queryClient, view).then(() =>
        queryClient.invalidateQueries({ queryKey: backlogKeys.all }),
      );
    },
  });
};

export const useEditRelease = (release: ReleaseView) =>
  useReleaseCommand(release.id, (changes: EditReleaseInput) =>
    editRelease(release.id, release.version, changes),
  );

export const useAddReleaseItem = (id: string) =>
  useReleaseCommand(id, (itemId: string) => addReleaseItem(id, itemId));

export const useRemoveReleaseItem = (id: string) =>
  useReleaseCommand(id, (itemId: string) => removeReleaseItem(id, itemId));

export const useWriteChangelog = (id: string) =>
  useReleaseCommand(
    id,
    ({ version, title, body }: { version: number; title: string; body: string }) =>
      writeChangelog(id, version, { title, body }),
  );

export const useScheduleRelease = (id: string) =>
  useReleaseCommand(id, (publishAt: string) => scheduleRelease(id, publishAt));

export const useUnscheduleRelease = (id: string) =>
  useReleaseCommand(id, () => unscheduleRelease(id));

/** Publishing reaches far: items released, feedback done, people notified, the changelog out. */
export const usePublishRelease = (id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => publishRelease(id),
    onSuccess: (view) => {
      void adoptRelease(queryClient, view).then(() =>
        Promise.all(
          [backlogKeys.all, feedbackKeys.all, changelogKey, notificationKeys.all].map((queryKey) =>
            queryClient.invalidateQueries({ queryKey }),
          ),
        ),
      );
    },
  });
};
