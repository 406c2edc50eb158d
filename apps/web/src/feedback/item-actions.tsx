import { isVotingOpen } from '@chorus/domain/client';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, type RefObject } from 'react';
import { fetchFeedback } from '../api/client';
import { describeError } from '../api/problem-error';
import type { FeedbackItem } from '../api/types';
import { findCachedFeedback } from '../queries/feedback-cache';
import { feedbackKeys } from '../queries/feedback-keys';
import { useApprove, useSetSpam, useVoteToggle } from '../queries/feedback-mutations';

export type ItemActions = { vote: () => void; approve: () => void; toggleSpam: () => void };

type ItemActionsBinderProps = {
  id: string;
  bind: RefObject<ItemActions | null>;
  announce: (message: string) => void;
};

/**
 * Holds the mutations for the item under the keyboard cursor and hands the inbox's shortcut
 * handler functions to run them. Keyed by id, so each item gets its own mutation scope.
 */
export const ItemActionsBinder = ({ id, bind, announce }: ItemActionsBinderProps) => {
  const queryClient = useQueryClient();
  const vote = useVoteToggle(id);
  const approve = useApprove(id);
  const spam = useSetSpam(id);

  useEffect(() => {
    const failed = (error: unknown) => announce(describeError(error));
    /** The item as cached, or fetched when only a search hit of it is on screen. */
    const withItem = (run: (item: FeedbackItem) => void) => {
      const cached = findCachedFeedback(queryClient, id);
      if (cached) {
        run(cached);
        return;
      }
      queryClient
        .fetchQuery({ queryKey: feedbackKeys.detail(id), queryFn: () => fetchFeedback(id) })
        .then(run, failed);
    };
    bind.current = {
      vote: () =>
        withItem((item) => {
          if (!isVotingOpen(item.statusKind)) {
            announce('Voting is closed for this feedback.');
            return;
          }
          const voted = !item.votedByMe;
          vote.mutate(voted, {
            onSuccess: () => announce(voted ? 'Vote added.' : 'Vote withdrawn.'),
            onError: failed,
          });
        }),
      approve: () =>
        withItem((item) => {
          if (item.moderation !== 'pending') {
            announce(
              item.moderation === 'approved'
                ? 'Already approved.'
                : 'Rejected posts cannot be approved.',
            );
            return;
          }
          approve.mutate(undefined, { onSuccess: () => announce('Approved.'), onError: failed });
        }),
      toggleSpam: () =>
        withItem((item) => {
          const next = !item.spam;
          spam.mutate(next, {
            onSuccess: () => announce(next ? 'Marked as spam.' : 'No longer spam.'),
            onError: failed,
          });
        }),
    };
    return () => {
      bind.current = null;
    };
  });

  return null;
};
