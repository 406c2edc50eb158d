import { feedbackStatusLabels, isVotingOpen } from '@chorus/domain/client';
import { VoteButton } from '@chorus/ui';
import { useId } from 'react';
import { describeError } from '../api/problem-error';
import type { FeedbackItem } from '../api/types';
import { useVoteToggle } from '../queries/feedback-mutations';

export const VoteControl = ({ item }: { item: FeedbackItem }) => {
  const vote = useVoteToggle(item.id);
  const hintId = useId();
  const open = isVotingOpen(item.status);

  return (
    <div className="vote-control">
      <VoteButton
        data-testid="vote-button"
        size="lg"
        pressed={item.votedByMe}
        count={<span data-testid="vote-count">{item.voteCount}</span>}
        disabled={!open}
        aria-describedby={open ? undefined : hintId}
        onClick={() => vote.mutate(!item.votedByMe)}
      />
      {!open && (
        <p id={hintId} className="vote-control__hint">
          Voting is closed: this feedback is {feedbackStatusLabels[item.status].toLowerCase()}.
        </p>
      )}
      <p className="vote-control__error" role="alert">
        {vote.isError ? describeError(vote.error) : ''}
      </p>
    </div>
  );
};
