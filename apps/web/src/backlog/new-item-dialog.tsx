import {
  backlogItemKindNames,
  type BacklogItemKindName,
  type BacklogItemInput,
} from '@chorus/domain/client';
import { Button, Checkbox, Dialog, Select, TextArea, TextField } from '@chorus/ui';
import { useRef, useState, type FormEvent } from 'react';
import { ProblemError } from '../api/problem-error';
import type { PickerOption } from '../components/async-picker';
import { FormError } from '../lib/form-error';
import { useCreateItem } from './backlog-queries';
import {
  kindLabels,
  parseEstimate,
  parseLabels,
  validateBacklogTitle,
  validateEstimate,
} from './backlog-ui';
import { ParentPicker, parentKindOf } from './parent-picker';

const FIELDS = ['kind', 'title', 'parentId', 'description', 'estimate', 'labels'];

/** What the dialog starts with, e.g. a story answering a piece of feedback. */
export type NewItemPreset = {
  kind: BacklogItemKindName;
  title: string;
  feedback?: { id: string; title: string };
};

type NewItemFormProps = {
  preset: NewItemPreset | undefined;
  onCancel: () => void;
  onCreated: (id: string, title: string) => void;
};

const NewItemForm = ({ preset, onCancel, onCreated }: NewItemFormProps) => {
  const create = useCreateItem();
  const [kind, setKind] = useState<BacklogItemKindName>(preset?.kind ?? 'story');
  const [title, setTitle] = useState(preset?.title ?? '');
  const [parent, setParent] = useState<PickerOption | null>(null);
  const [description, setDescription] = useState('');
  const [estimate, setEstimate] = useState('');
  const [labels, setLabels] = useState('');
  const [atTop, setAtTop] = useState(false);
  const [attempted, setAttempted] = useState(false);
  const titleRef = useRef<HTMLInputElement>(null);
  const estimateRef = useRef<HTMLInputElement>(null);

  const problem = create.error instanceof ProblemError ? create.error : null;
  const titleError =
    (attempted ? validateBacklogTitle(title) : undefined) ?? problem?.fieldMessage('title');
  const estimateError =
    (attempted ? validateEstimate(estimate) : undefined) ?? problem?.fieldMessage('estimate');

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAttempted(true);
    if (validateBacklogTitle(title)) {
      titleRef.current?.focus();
      return;
    }
    const points = parseEstimate(estimate);
    if (validateEstimate(estimate) || points === 'invalid') {
      estimateRef.current?.focus();
      return;
    }
    const input: BacklogItemInput = {
      kind,
      title: title.trim(),
      ...(description.trim() ? { description } : {}),
      ...(parent && parentKindOf(kind) ? { parentId: parent.id } : {}),
      ...(points === null ? {} : { estimate: points }),
      ...(labels.trim() ? { labels: parseLabels(labels) } : {}),
      ...(preset?.feedback ? { feedbackIds: [preset.feedback.id] } : {}),
      position: atTop ? 'top' : 'bottom',
    };
    create.mutate(input, { onSuccess: (result) => onCreated(result.id, input.title) });
  };

  return (
    <form className="composer" onSubmit={onSubmit} noValidate>
      <div className="composer__fields">
        {preset?.feedback && (
          <p className="detail__muted">
            Answers the feedback <strong>“{preset.feedback.title}”</strong>: it is linked to the new
            item, and its votes count toward the item's score.
          </p>
        )}
        <Select
          label="Kind"
          value={kind}
          error={problem?.fieldMessage('kind')}
          options={backlogItemKindNames.map((name) => ({ value: name, label: kindLabels[name] }))}
          onChange={(event) => {
            setKind(event.target.value as BacklogItemKindName);
            setParent(null);
          }}
        />
        <TextField
          ref={titleRef}
          data-autofocus
          label="Title"
          required
          placeholder="e.g. Export votes to CSV"
          value={title}
          error={titleError}
          onChange={(event) => setTitle(event.target.value)}
        />
        <ParentPicker
          kind={kind}
          value={parent}
          onChange={setParent}
          error={problem?.fieldMessage('parentId')}
        />
        <TextArea
          label="Description"
          aside="Optional"
          rows={4}
          placeholder="Who needs it and why; markdown is supported."
          value={description}
          error={problem?.fieldMessage('description')}
          onChange={(event) => setDescription(event.target.value)}
        />
        <div className="backlog-form__pair">
          <TextField
            ref={estimateRef}
            label="Estimate"
            aside="Story points"
            inputMode="decimal"
            placeholder="e.g. 3"
            value={estimate}
            error={estimateError}
            onChange={(event) => setEstimate(event.target.value)}
          />
          <TextField
            label="Labels"
            hint="Separate them with commas."
            placeholder="e.g. reporting, api"
            value={labels}
            error={problem?.fieldMessage('labels')}
            onChange={(event) => setLabels(event.target.value)}
          />
        </div>
        <Checkbox
          label="Put it at the top of the backlog"
          hint="Otherwise it goes to the bottom."
          checked={atTop}
          onChange={(event) => setAtTop(event.target.checked)}
        />
        <FormError error={create.error} shownBy={FIELDS} />
      </div>
      <footer className="composer__footer">
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" loading={create.isPending}>
          Create {kindLabels[kind].toLowerCase()}
        </Button>
      </footer>
    </form>
  );
};

type NewItemDialogProps = NewItemFormProps & { open: boolean };

export const NewItemDialog = ({ open, preset, onCancel, onCreated }: NewItemDialogProps) => (
  <Dialog
    open={open}
    onClose={onCancel}
    title={preset?.feedback ? 'Create a story from this feedback' : 'New backlog item'}
    description="An epic, a story or a task; add acceptance criteria and an estimate to make it ready."
  >
    <NewItemForm preset={preset} onCancel={onCancel} onCreated={onCreated} />
  </Dialog>
);
