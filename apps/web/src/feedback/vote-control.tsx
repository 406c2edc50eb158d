import { isVotingOpen } from '@chorus/domain/client';
import { VoteButton } from '@chorus/ui';
import { useId } from 'react';
import { describeError } from '../api/problem-error';
import type { FeedbackItem } from '../api/types';
import { useCan, whoCan } from '../auth/use-can';
import { useVoteToggle } from '../queries/feedback-mutations';
import { useStatusName } from '../catalog/catalog-ui';

export const VoteControl = ({ item }: { item: FeedbackItem }) => {
  const vote = useVoteToggle(item.id);
  const hintId = useId();
  const statusName = useStatusName();
  const allowed = useCan()('feedback.participate');
  const open = allowed && isVotingOpen(item.statusKind) && !item.mergedInto;

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
          {!allowed
            ? `Voting is for ${whoCan('feedback.participate')}.`
            : item.mergedInto
              ? 'Voting happens on the item this one was merged into.'
              : `Voting is closed: this feedback is ${statusName(item.status).toLowerCase()}.`}
        </p>
      )}
      <p className="vote-control__error" role="alert">
        {vote.isError ? describeError(vote.error) : ''}
      </p>
    </div>
  );
};
