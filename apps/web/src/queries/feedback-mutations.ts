import type { FeedbackStatus } from '@chorus/domain/client';
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import {
  approveFeedback,
  castVote,
  changeFeedbackStatus,
  editFeedback,
  mergeFeedback,
  rejectFeedback,
  setFeedbackCategory,
  setFeedbackSpam,
  setFeedbackTag,
  setFollowing,
  submitFeedback,
  unmergeFeedback,
  withdrawVote,
} from '../api/client';
import { isProblem } from '../api/problem-error';
import type {
  CatalogView,
  FeedbackChanged,
  FeedbackItem,
  Follower,
  OnBehalfOfInput,
  SubmitFeedbackInput,
} from '../api/types';
import { catalogKey } from './catalog';
import { beginWrite, reconcileFeedback } from './converge';
import {
  findCachedFeedback,
  insertFeedback,
  patchFeedback,
  seedDetailFromLists,
} from './feedback-cache';
import { feedbackKeys } from './feedback-keys';

const touched = (item: FeedbackItem): FeedbackItem => ({
  ...item,
  lastActivityAt: new Date().toISOString(),
});

const withVote = (item: FeedbackItem, voted: boolean): FeedbackItem =>
  item.votedByMe === voted
    ? item
    : touched({
        ...item,
        votedByMe: voted,
        voteCount: Math.max(0, item.voteCount + (voted ? 1 : -1)),
      });

/** Optimistic start of a write: cancels in-flight reads, then patches every cached copy. */
const startWrite = async (
  queryClient: QueryClient,
  id: string,
  patch: (item: FeedbackItem) => FeedbackItem,
) => {
  const ticket = beginWrite(id);
  const previous = findCachedFeedback(queryClient, id);
  await queryClient.cancelQueries({ queryKey: feedbackKeys.detail(id) });
  seedDetailFromLists(queryClient, id);
  patchFeedback(queryClient, id, patch);
  return { ticket, previous };
};

const rollBack = (queryClient: QueryClient, id: string, previous: FeedbackItem | undefined) => {
  if (previous) patchFeedback(queryClient, id, () => previous);
  void queryClient.invalidateQueries({ queryKey: feedbackKeys.detail(id) });
};

const invalidateTimeline = (queryClient: QueryClient, id: string) =>
  void queryClient.invalidateQueries({ queryKey: feedbackKeys.timeline(id) });

export const useVoteToggle = (id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    // One at a time per item, so a quick vote-unvote reaches the server in the order it was made.
    scope: { id: `vote:${id}` },
    mutationFn: (voted: boolean) => (voted ? castVote(id) : withdrawVote(id)),
    onMutate: async (voted) => ({
      ticket: (await startWrite(queryClient, id, (item) => withVote(item, voted))).ticket,
    }),
    onError: (_error, voted) => {
      patchFeedback(queryClient, id, (item) => withVote(item, !voted));
      void queryClient.invalidateQueries({ queryKey: feedbackKeys.detail(id) });
    },
    onSuccess: (result, _voted, context) => {
      invalidateTimeline(queryClient, id);
      void reconcileFeedback(
        queryClient,
        id,
        context.ticket,
        (item) => item.votedByMe === result.voted,
      );
    },
  });
};

/** A vote a teammate records for a customer: the count grows once the projection has it. */
export const useVoteOnBehalf = (id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    scope: { id: `vote:${id}` },
    mutationFn: (onBehalfOf: OnBehalfOfInput) => castVote(id, onBehalfOf),
    onSuccess: () => {
      const before = findCachedFeedback(queryClient, id)?.voteCount ?? 0;
      invalidateTimeline(queryClient, id);
      void reconcileFeedback(queryClient, id, beginWrite(id), (item) => item.voteCount > before);
    },
  });
};

const kindOf = (queryClient: QueryClient, status: FeedbackStatus) =>
  queryClient.getQueryData<CatalogView>(catalogKey)?.statuses.find((s) => s.id === status)?.kind;

export const useChangeStatus = (id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    scope: { id: `feedback:${id}` },
    mutationFn: (status: FeedbackStatus) => changeFeedbackStatus(id, status),
    onMutate: (status) =>
      startWrite(queryClient, id, (item) =>
        touched({ ...item, status, statusKind: kindOf(queryClient, status) ?? item.statusKind }),
      ),
    onError: (_error, _status, context) => rollBack(queryClient, id, context?.previous),
    onSuccess: (result, _status, context) => {
      patchFeedback(queryClient, id, (item) => ({
        ...item,
        status: result.status,
        version: Math.max(item.version, result.version),
      }));
      invalidateTimeline(queryClient, id);
      void reconcileFeedback(
        queryClient,
        id,
        context.ticket,
        (item) => item.version >= result.version,
      );
    },
  });
};

/**
 * A command on the feedback stream answered with its new version: patched at once, reconciled
 * with the read model once it has caught up to that version.
 */
const useFeedbackCommand = <TVariables>(
  id: string,
  run: (variables: TVariables) => Promise<FeedbackChanged>,
  patch: (item: FeedbackItem, variables: TVariables) => FeedbackItem,
) => {
  const queryClient = useQueryClient();
  return useMutation({
    scope: { id: `feedback:${id}` },
    mutationFn: run,
    onMutate: (variables: TVariables) =>
      startWrite(queryClient, id, (item) => touched(patch(item, variables))),
    onError: (_error, _variables, context) => rollBack(queryClient, id, context?.previous),
    onSuccess: (result, _variables, context) => {
      invalidateTimeline(queryClient, id);
      void reconcileFeedback(
        queryClient,
        id,
        context.ticket,
        (item) => item.version >= result.version,
      );
    },
  });
};

export type TagChange = { tagId: string; tagged: boolean };

export const useSetTag = (id: string) =>
  useFeedbackCommand(
    id,
    ({ tagId, tagged }: TagChange) => setFeedbackTag(id, tagId, tagged),
    (item, { tagId, tagged }) => ({
      ...item,
      tags: tagged
        ? [...item.tags.filter((t) => t !== tagId), tagId]
        : item.tags.filter((t) => t !== tagId),
    }),
  );

/** Files it under one of its board's categories, or (null) takes it out of its category. */
export const useSetCategory = (id: string) =>
  useFeedbackCommand(
    id,
    (categoryId: string | null) => setFeedbackCategory(id, categoryId),
    (item, categoryId) => ({ ...item, categoryId }),
  );

export const useApprove = (id: string) =>
  useFeedbackCommand(
    id,
    () => approveFeedback(id),
    (item) => ({ ...item, moderation: 'approved' }),
  );

export const useReject = (id: string) =>
  useFeedbackCommand(
    id,
    (reason: string) => rejectFeedback(id, reason),
    (item) => ({ ...item, moderation: 'rejected' }),
  );

export const useSetSpam = (id: string) =>
  useFeedbackCommand(
    id,
    (spam: boolean) => setFeedbackSpam(id, spam),
    (item, spam) => ({ ...item, spam }),
  );

export const useMerge = (id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    scope: { id: `feedback:${id}` },
    mutationFn: (intoId: string) => mergeFeedback(id, intoId),
    onSuccess: (_result, intoId) => {
      const survivorDuplicates = findCachedFeedback(queryClient, intoId)?.duplicateCount ?? 0;
      patchFeedback(queryClient, id, (item) => ({ ...item, mergedInto: intoId }));
      invalidateTimeline(queryClient, id);
      invalidateTimeline(queryClient, intoId);
      void reconcileFeedback(queryClient, id, beginWrite(id), (item) => item.mergedInto === intoId);
      void reconcileFeedback(
        queryClient,
        intoId,
        beginWrite(intoId),
        (item) => item.duplicateCount > survivorDuplicates,
      );
    },
  });
};

export const useUnmerge = (id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    scope: { id: `feedback:${id}` },
    mutationFn: () => unmergeFeedback(id),
    onSuccess: () => {
      const intoId = findCachedFeedback(queryClient, id)?.mergedInto ?? null;
      patchFeedback(queryClient, id, (item) => ({ ...item, mergedInto: null }));
      invalidateTimeline(queryClient, id);
      void reconcileFeedback(queryClient, id, beginWrite(id), (item) => item.mergedInto === null);
      if (intoId) {
        const duplicates = findCachedFeedback(queryClient, intoId)?.duplicateCount ?? 1;
        invalidateTimeline(queryClient, intoId);
        void reconcileFeedback(
          queryClient,
          intoId,
          beginWrite(intoId),
          (item) => item.duplicateCount < duplicates,
        );
      }
    },
  });
};

export const useFollow = (id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (following: boolean) => setFollowing(id, following),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: feedbackKeys.followers(id) });
    },
  });
};

export const isFollowing = (followers: readonly Follower[] | undefined, meId: string) =>
  followers?.some((follower) => follower.id === meId) ?? false;

export type EditTitleInput = { title: string; version: number };

export const useEditTitle = (id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    scope: { id: `feedback:${id}` },
    mutationFn: ({ title, version }: EditTitleInput) => editFeedback(id, version, { title }),
    onSuccess: (result, { title }) => {
      const ticket = beginWrite(id);
      patchFeedback(queryClient, id, (item) =>
        touched({ ...item, title, version: Math.max(item.version, result.version) }),
      );
      invalidateTimeline(queryClient, id);
      void reconcileFeedback(queryClient, id, ticket, (item) => item.version >= result.version);
    },
    onError: (error, { version }) => {
      // 412: someone saved first. Load their version; the read model may still be catching up.
      if (isProblem(error, 412)) {
        void reconcileFeedback(queryClient, id, beginWrite(id), (item) => item.version > version);
      }
    },
  });
};

export const useSubmitFeedback = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: SubmitFeedbackInput): Promise<FeedbackItem> => {
      const created = await submitFeedback(input);
      const now = new Date().toISOString();
      const kind = kindOf(queryClient, created.status) ?? 'open';
      return {
        capturedBy: null,
        categoryId: input.categoryId ?? null,
        quote: input.onBehalfOf?.quote ?? null,
        statusKind: kind,
        tags: [],
        spam: false,
        mergedInto: null,
        duplicateCount: 0,
        voteCount: 0,
        revenueCents: 0,
        commentCount: 0,
        firstResponseAt: null,
        recentVotes: 0,
        votedByMe: false,
        // The author follows; a teammate capturing it for a customer does not.
        following: input.onBehalfOf === undefined,
        createdAt: now,
        lastActivityAt: now,
        ...created,
      };
    },
    onSuccess: (item) => {
      insertFeedback(queryClient, item);
      queryClient.setQueryData(feedbackKeys.detail(item.id), item);
      void reconcileFeedback(queryClient, item.id, beginWrite(item.id), () => true);
    },
  });
};
