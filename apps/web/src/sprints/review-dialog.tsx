import type { SprintItemView } from '@chorus/domain/client';
import { Button, Checkbox, Dialog, TextArea } from '@chorus/ui';
import { useState, type FormEvent } from 'react';
import { FormError } from '../lib/form-error';
import { fieldError } from '../settings/settings-kit';
import { useAcceptItem, useCheckCriterion, useRejectItem } from './sprint-queries';

type Criterion = SprintItemView['acceptanceCriteria'][number];

/** One criterion: checked off at once, the board catching up behind it. */
const CriterionCheck = ({
  sprintId,
  itemId,
  criterion,
}: {
  sprintId: string;
  itemId: string;
  criterion: Criterion;
}) => {
  const check = useCheckCriterion(sprintId);
  // What the person just clicked, until the command is answered.
  const [clicked, setClicked] = useState<boolean | null>(null);
  return (
    <div>
      <Checkbox
        className="review__criterion"
        data-testid="review-criterion"
        checked={clicked ?? criterion.met}
        onChange={(event) => {
          const met = event.target.checked;
          setClicked(met);
          check.mutate(
            { itemId, criterionId: criterion.id, met },
            { onSettled: () => setClicked(null) },
          );
        }}
        label={
          <>
            <b>Given</b> {criterion.given}, <b>when</b> {criterion.when}, <b>then</b>{' '}
            {criterion.then}
          </>
        }
      />
      <FormError error={check.error} />
    </div>
  );
};

const Criteria = ({ sprintId, item }: { sprintId: string; item: SprintItemView }) => {
  const met = item.acceptanceCriteria.filter((criterion) => criterion.met).length;
  if (item.acceptanceCriteria.length === 0) {
    return <p className="detail__muted">This item has no acceptance criteria.</p>;
  }
  return (
    <fieldset className="review__criteria">
      <legend className="review__legend">
        Acceptance criteria{' '}
        <span className="review__count">
          {met} of {item.acceptanceCriteria.length} met
        </span>
      </legend>
      {item.acceptanceCriteria.map((criterion) => (
        <CriterionCheck
          key={criterion.id}
          sprintId={sprintId}
          itemId={item.id}
          criterion={criterion}
        />
      ))}
    </fieldset>
  );
};

const Review = ({
  sprintId,
  item,
  onClose,
}: {
  sprintId: string;
  item: SprintItemView;
  onClose: () => void;
}) => {
  const accept = useAcceptItem(sprintId);
  const reject = useRejectItem(sprintId);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  // Someone else may have moved it meanwhile; while this review's own answer settles it is still ours.
  const settling = accept.isPending || accept.isSuccess || reject.isPending || reject.isSuccess;
  const decided = !settling && item.status !== 'done';

  const onReject = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!reason.trim()) {
      setReasonMissing(true);
      return;
    }
    reject.mutate({ itemId: item.id, reason: reason.trim() }, { onSuccess: onClose });
  };

  return (
    <form onSubmit={onReject} noValidate>
      <div className="composer__fields">
        <Criteria sprintId={sprintId} item={item} />
        {rejecting && (
          <TextArea
            label="Why is it rejected?"
            required
            rows={3}
            autoFocus
            placeholder="What is missing, so the team knows what to fix"
            hint="It goes back to In progress with this reason."
            value={reason}
            error={
              (reasonMissing && !reason.trim() ? 'A rejection needs a reason.' : undefined) ??
              fieldError(reject.error, 'reason')
            }
            onChange={(event) => {
              setReason(event.target.value);
              if (reject.isError) reject.reset();
            }}
          />
        )}
        {decided && (
          <p className="detail__muted" role="status">
            This item is no longer done: nothing to review.
          </p>
        )}
        <FormError error={accept.error} />
        <FormError error={reject.error} shownBy={['reason']} />
      </div>
      <footer className="composer__footer">
        {rejecting ? (
          <>
            <Button variant="ghost" onClick={() => setRejecting(false)}>
              Back
            </Button>
            <Button type="submit" variant="danger" loading={reject.isPending} disabled={decided}>
              Reject item
            </Button>
          </>
        ) : (
          <>
            <Button variant="ghost" onClick={onClose}>
              Cancel
            </Button>
            <Button disabled={decided} onClick={() => setRejecting(true)}>
              Reject…
            </Button>
            <Button
              variant="primary"
              loading={accept.isPending}
              disabled={decided}
              onClick={() => accept.mutate(item.id, { onSuccess: onClose })}
            >
              Accept
            </Button>
          </>
        )}
      </footer>
    </form>
  );
};

/** The Product Owner checks a done item against its acceptance criteria, then accepts or rejects it. */
export const ReviewDialog = ({
  sprintId,
  item,
  onClose,
}: {
  sprintId: string;
  item: SprintItemView | undefined;
  onClose: () => void;
}) => (
  <Dialog
    open={item !== undefined}
    onClose={onClose}
    title={item ? `Review “${item.title}”` : 'Review'}
    description="Check each acceptance criterion against the work, then accept it or send it back."
  >
    {item && <Review sprintId={sprintId} item={item} onClose={onClose} />}
  </Dialog>
);
