import type { SprintView } from '@chorus/domain/client';
import { Button, Dialog, TextArea, TextField } from '@chorus/ui';
import { useState, type FormEvent } from 'react';
import { FormError } from '../lib/form-error';
import { fieldError } from '../settings/settings-kit';
import { useCreateSprint } from './sprint-queries';
import { isoDay } from './sprint-ui';

const FIELDS = ['name', 'goal', 'startDate', 'endDate', 'capacity'];

/** What the form can tell before asking the server. */
const validate = (draft: {
  name: string;
  startDate: string;
  endDate: string;
  capacity: string;
}) => ({
  name: draft.name.trim() ? undefined : 'A sprint needs a name.',
  startDate: draft.startDate ? undefined : 'Choose the first day.',
  endDate: !draft.endDate
    ? 'Choose the last day.'
    : draft.startDate && draft.endDate <= draft.startDate
      ? 'The sprint must end after it starts.'
      : undefined,
  capacity:
    draft.capacity.trim() === '' || !(Number(draft.capacity) >= 0)
      ? 'Capacity is the points the team expects to finish: 0 or more.'
      : undefined,
});

const NewSprintForm = ({
  onCancel,
  onCreated,
}: {
  onCancel: () => void;
  onCreated: (sprint: SprintView) => void;
}) => {
  const create = useCreateSprint();
  const [draft, setDraft] = useState({
    name: '',
    goal: '',
    startDate: isoDay(),
    endDate: isoDay(13),
    capacity: '',
  });
  const [submitted, setSubmitted] = useState(false);
  const errors = validate(draft);
  const shown = (field: keyof typeof errors) =>
    (submitted ? errors[field] : undefined) ?? fieldError(create.error, field);

  const change = (field: keyof typeof draft, value: string) => {
    setDraft((current) => ({ ...current, [field]: value }));
    if (create.isError) create.reset();
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    if (Object.values(errors).some(Boolean)) return;
    create.mutate(
      {
        name: draft.name.trim(),
        ...(draft.goal.trim() ? { goal: draft.goal.trim() } : {}),
        startDate: draft.startDate,
        endDate: draft.endDate,
        capacity: Number(draft.capacity),
      },
      { onSuccess: onCreated },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <div className="composer__fields">
        <TextField
          label="Name"
          placeholder="e.g. Sprint 14"
          required
          value={draft.name}
          error={shown('name')}
          onChange={(event) => change('name', event.target.value)}
        />
        <TextArea
          label="Goal"
          aside="Optional"
          rows={2}
          placeholder="What the team wants to have achieved by the end"
          value={draft.goal}
          error={fieldError(create.error, 'goal')}
          onChange={(event) => change('goal', event.target.value)}
        />
        <div className="form-row">
          <TextField
            label="Start"
            type="date"
            required
            value={draft.startDate}
            error={shown('startDate')}
            onChange={(event) => change('startDate', event.target.value)}
          />
          <TextField
            label="End"
            type="date"
            required
            min={draft.startDate}
            value={draft.endDate}
            error={shown('endDate')}
            onChange={(event) => change('endDate', event.target.value)}
          />
          <TextField
            label="Capacity"
            type="number"
            inputMode="decimal"
            min={0}
            step="any"
            required
            placeholder="Points"
            hint="Story points"
            value={draft.capacity}
            error={shown('capacity')}
            onChange={(event) => change('capacity', event.target.value)}
          />
        </div>
        <FormError error={create.error} shownBy={FIELDS} />
      </div>
      <footer className="composer__footer">
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" loading={create.isPending}>
          Create sprint
        </Button>
      </footer>
    </form>
  );
};

export const NewSprintDialog = ({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (sprint: SprintView) => void;
}) => (
  <Dialog
    open={open}
    onClose={onClose}
    title="New sprint"
    description="A time box, and the points the team expects to finish in it."
  >
    <NewSprintForm onCancel={onClose} onCreated={onCreated} />
  </Dialog>
);
