import type { CompleteSprintResult, SprintDetail } from '@chorus/domain/client';
import { Button, Dialog, Select } from '@chorus/ui';
import { useState, type FormEvent } from 'react';
import { FormError } from '../lib/form-error';
import { plural } from '../lib/format';
import { boardItems, useCompleteSprint, useSprints } from './sprint-queries';

const CompleteForm = ({ sprint, onClose }: { sprint: SprintDetail; onClose: () => void }) => {
  const complete = useCompleteSprint(sprint.id);
  const planned = useSprints('planned');
  const nextSprints = (planned.data?.items ?? []).filter((next) => next.id !== sprint.id);
  const [target, setTarget] = useState<'backlog' | 'sprint'>('backlog');
  const [nextId, setNextId] = useState('');
  const [result, setResult] = useState<CompleteSprintResult | null>(null);
  const unfinished = boardItems(sprint.items).filter(
    (item) => item.status !== 'accepted' && item.status !== 'released',
  );
  const accepted = sprint.items.accepted.length;
  const chosenId = nextId || nextSprints[0]?.id || '';

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    complete.mutate(
      { carryOverTo: target === 'sprint' ? chosenId : 'backlog' },
      { onSuccess: setResult },
    );
  };

  if (result) {
    const into = result.carriedOver.find((move) => move.to !== null)?.to;
    const nextName = nextSprints.find((next) => next.id === into)?.name ?? 'the next sprint';
    return (
      <>
        <div className="composer__fields" role="status">
          <p>
            {sprint.name} is complete: {plural(result.acceptedItemIds.length, 'item')} accepted
            {result.carriedOver.length > 0 &&
              `, ${plural(result.carriedOver.length, 'unfinished item')} moved to ${
                into ? nextName : 'the backlog'
              }`}
            .
          </p>
        </div>
        <footer className="composer__footer">
          {/* The dialog is open already: React's own autoFocus places it. */}
          <Button variant="primary" autoFocus onClick={onClose}>
            Done
          </Button>
        </footer>
      </>
    );
  }

  return (
    <form onSubmit={onSubmit}>
      <div className="composer__fields">
        <p>
          {plural(accepted, 'item')} accepted stay with this sprint.{' '}
          {unfinished.length === 0
            ? 'Nothing is unfinished.'
            : `${plural(unfinished.length, 'item is', 'items are')} unfinished.`}
        </p>
        {unfinished.length > 0 && (
          <fieldset className="choice">
            <legend className="choice__legend">Where do the unfinished items go?</legend>
            <label className="choice__option">
              <input
                type="radio"
                name="carry-over"
                checked={target === 'backlog'}
                onChange={() => setTarget('backlog')}
              />
              Back to the backlog
            </label>
            <label className="choice__option">
              <input
                type="radio"
                name="carry-over"
                checked={target === 'sprint'}
                disabled={nextSprints.length === 0}
                onChange={() => setTarget('sprint')}
              />
              Into a planned sprint
              {nextSprints.length === 0 && !planned.isPending && (
                <span className="choice__hint"> (none is planned yet)</span>
              )}
            </label>
            {target === 'sprint' && (
              <Select
                label="Sprint"
                value={chosenId}
                options={nextSprints.map((next) => ({ value: next.id, label: next.name }))}
                onChange={(event) => setNextId(event.target.value)}
              />
            )}
          </fieldset>
        )}
        <FormError error={complete.error} />
      </div>
      <footer className="composer__footer">
        <Button variant="ghost" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" loading={complete.isPending}>
          Complete sprint
        </Button>
      </footer>
    </form>
  );
};

export const CompleteSprintDialog = ({
  sprint,
  open,
  onClose,
}: {
  sprint: SprintDetail;
  open: boolean;
  onClose: () => void;
}) => (
  <Dialog
    open={open}
    onClose={onClose}
    title={`Complete ${sprint.name}`}
    description="Accepted items count towards its velocity; the rest must go somewhere."
  >
    <CompleteForm sprint={sprint} onClose={onClose} />
  </Dialog>
);
