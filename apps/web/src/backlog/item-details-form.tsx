import type { BacklogItemView, EditBacklogItemInput } from '@chorus/domain/client';
import { Button, Card, Select, TextArea, TextField } from '@chorus/ui';
import { useState, type FormEvent } from 'react';
import { isProblem, ProblemError } from '../api/problem-error';
import { useCan, whoCan } from '../auth/use-can';
import type { PickerOption } from '../components/async-picker';
import { FormError } from '../lib/form-error';
import { useTeammates } from '../queries/feedback-queries';
import { useBacklogItemTitle, useEditItem } from './backlog-queries';
import { parseEstimate, parseLabels, validateBacklogTitle, validateEstimate } from './backlog-ui';
import { ParentPicker } from './parent-picker';
import { StaleBanner } from './stale-banner';

const FIELDS = ['title', 'description', 'estimate', 'labels', 'ownerId', 'parentId'];

type Draft = {
  title: string;
  description: string;
  estimate: string;
  labels: string;
  ownerId: string;
  parent: PickerOption | null;
};

const draftOf = (item: BacklogItemView, parent: PickerOption | null): Draft => ({
  title: item.title,
  description: item.description,
  estimate: item.estimate === null ? '' : String(item.estimate),
  labels: item.labels.join(', '),
  ownerId: item.ownerId ?? '',
  parent,
});

/** Only what differs from the item, as the PATCH wants it. */
const changesOf = (item: BacklogItemView, draft: Draft): EditBacklogItemInput => {
  const estimate = parseEstimate(draft.estimate);
  const labels = parseLabels(draft.labels);
  const ownerId = draft.ownerId || null;
  const parentId = draft.parent?.id ?? null;
  return {
    ...(draft.title.trim() !== item.title ? { title: draft.title.trim() } : {}),
    ...(draft.description !== item.description ? { description: draft.description } : {}),
    ...(estimate !== 'invalid' && estimate !== item.estimate ? { estimate } : {}),
    ...(labels.join('\n') !== item.labels.join('\n') ? { labels } : {}),
    ...(ownerId !== item.ownerId ? { ownerId } : {}),
    ...(parentId !== item.parentId ? { parentId } : {}),
  };
};

type ItemDetailsFormProps = {
  item: BacklogItemView;
  /** Fetches the item again: after a 412, the edit is dropped and the latest version shown. */
  onReload: () => void;
  onSaved: (message: string) => void;
};

/**
 * Title, description, estimate, labels, owner and parent, saved together with If-Match. Until
 * something is typed the form shows the item as it is now, so a newer version appears by itself.
 */
export const ItemDetailsForm = ({ item, onReload, onSaved }: ItemDetailsFormProps) => {
  const edit = useEditItem(item.id);
  const planner = useCan()('backlog.plan');
  const teammates = useTeammates();
  const parentTitle = useBacklogItemTitle(item.parentId);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [attempted, setAttempted] = useState(false);

  const parent: PickerOption | null = item.parentId
    ? { id: item.parentId, label: parentTitle.data ?? 'Loading…' }
    : null;
  const shown = draft ?? draftOf(item, parent);
  const change = (patch: Partial<Draft>) => {
    if (edit.isError) edit.reset();
    setDraft({ ...shown, ...patch });
  };

  const stale = isProblem(edit.error, 412);
  const problem = edit.error instanceof ProblemError ? edit.error : null;
  const titleError =
    (attempted ? validateBacklogTitle(shown.title) : undefined) ?? problem?.fieldMessage('title');
  const estimateError =
    (attempted ? validateEstimate(shown.estimate) : undefined) ?? problem?.fieldMessage('estimate');
  const changes = changesOf(item, shown);
  const invalid = Boolean(validateBacklogTitle(shown.title) ?? validateEstimate(shown.estimate));
  // An invalid field keeps Save enabled, so pressing it says what is wrong.
  const dirty = draft !== null && (Object.keys(changes).length > 0 || invalid);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAttempted(true);
    if (invalid) return;
    if (!dirty) {
      setDraft(null);
      return;
    }
    edit.mutate(
      { version: item.version, changes },
      {
        onSuccess: () => {
          setDraft(null);
          setAttempted(false);
          onSaved('Changes saved.');
        },
      },
    );
  };

  const ownerOptions = [
    { value: '', label: 'No owner' },
    ...(teammates.data ?? []).map((teammate) => ({ value: teammate.id, label: teammate.name })),
    ...(item.ownerId && !teammates.data?.some((teammate) => teammate.id === item.ownerId)
      ? [{ value: item.ownerId, label: teammates.isPending ? 'Loading…' : item.ownerId }]
      : []),
  ];

  return (
    <Card>
      <h2 className="card__title">Details</h2>
      <form className="backlog-form" onSubmit={onSubmit} noValidate aria-label="Item details">
        {!planner && <p className="detail__muted">Editing is for {whoCan('backlog.plan')}.</p>}
        {stale && (
          <StaleBanner
            onReload={() => {
              edit.reset();
              setDraft(null);
              onReload();
            }}
          />
        )}
        {/* Read-only for who may not plan: the fields show, disabled. */}
        <fieldset className="read-only-fields" disabled={!planner}>
          <TextField
            label="Title"
            required
            value={shown.title}
            error={titleError}
            onChange={(event) => change({ title: event.target.value })}
          />
          <TextArea
            label="Description"
            rows={5}
            hint="Markdown is supported."
            value={shown.description}
            error={problem?.fieldMessage('description')}
            onChange={(event) => change({ description: event.target.value })}
          />
          <div className="backlog-form__pair">
            <TextField
              label="Estimate"
              aside="Story points"
              inputMode="decimal"
              placeholder="Not estimated"
              value={shown.estimate}
              error={estimateError}
              onChange={(event) => change({ estimate: event.target.value })}
            />
            <TextField
              label="Labels"
              hint="Separate them with commas."
              value={shown.labels}
              error={problem?.fieldMessage('labels')}
              onChange={(event) => change({ labels: event.target.value })}
            />
          </div>
          <div className="backlog-form__pair">
            <Select
              label="Owner"
              value={shown.ownerId}
              error={problem?.fieldMessage('ownerId')}
              options={ownerOptions}
              onChange={(event) => change({ ownerId: event.target.value })}
            />
            <ParentPicker
              kind={item.kind}
              value={shown.parent}
              onChange={(next) => change({ parent: next })}
              error={problem?.fieldMessage('parentId')}
            />
          </div>
        </fieldset>
        {!stale && <FormError error={edit.error} shownBy={FIELDS} />}
        {planner && (
          <div className="backlog-form__actions">
            {draft !== null && (
              <Button
                variant="ghost"
                onClick={() => {
                  edit.reset();
                  setDraft(null);
                  setAttempted(false);
                }}
              >
                Discard changes
              </Button>
            )}
            <Button type="submit" variant="primary" loading={edit.isPending} disabled={!dirty}>
              Save details
            </Button>
          </div>
        )}
      </form>
    </Card>
  );
};
