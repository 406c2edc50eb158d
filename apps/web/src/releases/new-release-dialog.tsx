import type { ReleaseView } from '@chorus/domain/client';
import { Button, Dialog, TextField } from '@chorus/ui';
import { useState, type FormEvent } from 'react';
import { FormError } from '../lib/form-error';
import { fieldError } from '../settings/settings-kit';
import { isoDay } from '../sprints/sprint-ui';
import { useCreateRelease } from './release-queries';

const NewReleaseForm = ({
  onCancel,
  onCreated,
}: {
  onCancel: () => void;
  onCreated: (release: ReleaseView) => void;
}) => {
  const create = useCreateRelease();
  const [name, setName] = useState('');
  const [date, setDate] = useState(isoDay(7));
  const [submitted, setSubmitted] = useState(false);
  const nameError = submitted && !name.trim() ? 'A release needs a name.' : undefined;
  const dateError = submitted && !date ? 'Choose the planned release date.' : undefined;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    if (!name.trim() || !date) return;
    create.mutate({ name: name.trim(), date }, { onSuccess: onCreated });
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <div className="composer__fields">
        <TextField
          label="Name"
          required
          placeholder="e.g. 2.4 “Faster exports”"
          value={name}
          error={nameError ?? fieldError(create.error, 'name')}
          onChange={(event) => {
            setName(event.target.value);
            if (create.isError) create.reset();
          }}
        />
        <TextField
          label="Planned date"
          type="date"
          required
          value={date}
          error={dateError ?? fieldError(create.error, 'date')}
          onChange={(event) => {
            setDate(event.target.value);
            if (create.isError) create.reset();
          }}
        />
        <FormError error={create.error} shownBy={['name', 'date']} />
      </div>
      <footer className="composer__footer">
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" loading={create.isPending}>
          Create release
        </Button>
      </footer>
    </form>
  );
};

export const NewReleaseDialog = ({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (release: ReleaseView) => void;
}) => (
  <Dialog
    open={open}
    onClose={onClose}
    title="New release"
    description="It groups accepted backlog items; its changelog entry tells customers what shipped."
  >
    <NewReleaseForm onCancel={onClose} onCreated={onCreated} />
  </Dialog>
);
