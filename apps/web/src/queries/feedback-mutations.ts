import type { FeedbackStatus } from '@chorus/domain/client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  castVote,
  changeFeedbackStatus,
  editFeedback,
  submitFeedback,
  withdrawVote,
} from '../api/client';
import { isProblem } from '../api/problem-error';
import type { FeedbackItem, SubmitFeedbackInput } from '../api/types';
import { beginWrite, reconcileFeedback } from './converge';
import {
  findCachedFeedback,
  insertFeedback,
  patchFeedback,
  seedDetailFromLists,
} from './feedback-cache';
import { feedbackKeys } from './feedback-keys';

const withVote = (item: FeedbackItem, voted: boolean): FeedbackItem =>
  item.votedByMe === voted
    ? item
    : {
        ...item,
        votedByMe: voted,
        voteCount: Math.max(0, item.voteCount + (voted ? 1 : -1)),
        lastActivityAt: new Date().toISOString(),
      };

export const useVoteToggle = (id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    // One at a time per item, so a quick vote-unvote reaches the server in the order it was made.
    scope: { id: `vote:${id}` },
    mutationFn: (voted: boolean) => (voted ? castVote(id) : withdrawVote(id)),
    onMutate: async (voted) => {
      const ticket = beginWrite(id);
      await queryClient.cancelQueries({ queryKey: feedbackKeys.detail(id) });
      seedDetailFromLists(queryClient, id);
      patchFeedback(queryClient, id, (item) => withVote(item, voted));
      return { ticket };
    },
    onError: (_error, voted) => {
      patchFeedback(queryClient, id, (item) => withVote(item, !voted));
      void queryClient.invalidateQueries({ queryKey: feedbackKeys.detail(id) });
    },
    onSuccess: (result, _voted, context) => {
      void reconcileFeedback(
        queryClient,
        id,
        context.ticket,
        (item) => item.votedByMe === result.voted,
      );
    },
  });
};

export const useChangeStatus = (id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    scope: { id: `feedback:${id}` },
    mutationFn: (status: FeedbackStatus) => changeFeedbackStatus(id, status),
    onMutate: async (status) => {
      const ticket = beginWrite(id);
      const previous = findCachedFeedback(queryClient, id)?.status;
      await queryClient.cancelQueries({ queryKey: feedbackKeys.detail(id) });
      seedDetailFromLists(queryClient, id);
      patchFeedback(queryClient, id, (item) => ({
        ...item,
        status,
        lastActivityAt: new Date().toISOString(),
      }));
      return { ticket, previous };
    },
    onError: (_error, _status, context) => {
      const previous = context?.previous;
      if (previous) patchFeedback(queryClient, id, (item) => ({ ...item, status: previous }));
      void queryClient.invalidateQueries({ queryKey: feedbackKeys.detail(id) });
    },
    onSuccess: (result, _status, context) => {
      patchFeedback(queryClient, id, (item) => ({
        ...item,
        status: result.status,
        version: Math.max(item.version, result.version),
      }));
      void reconcileFeedback(
        queryClient,
        id,
        context.ticket,
        (item) => item.version >= result.version,
      );
    },
  });
};

export type EditTitleInput = { title: string; version: number };

export const useEditTitle = (id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    scope: { id: `feedback:${id}` },
    mutationFn: ({ title, version }: EditTitleInput) => editFeedback(id, version, { title }),
    onSuccess: (result, { title }) => {
      const ticket = beginWrite(id);
      patchFeedback(queryClient, id, (item) => ({
        ...item,
        title,
        version: Math.max(item.version, result.version),
        lastActivityAt: new Date().toISOString(),
      }));
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
      return {
        voteCount: 0,
        voterCount: 0,
        votedByMe: false,
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
