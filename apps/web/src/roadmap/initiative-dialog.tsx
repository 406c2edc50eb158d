import type {
  EditInitiativeInput,
  InitiativeView,
  InitiativeVisibilityName,
  RoadmapLaneName,
} from '@chorus/domain/client';
import { Button, Dialog, SegmentedControl, Select, TextArea, TextField } from '@chorus/ui';
import { useState, type FormEvent } from 'react';
import { FormError } from '../lib/form-error';
import { fieldError } from '../settings/settings-kit';
import { useCreateInitiative, useEditInitiative, useMoveInitiative } from './roadmap-queries';
import {
  currentQuarterIndex,
  formatQuarter,
  laneLabels,
  quarterIndex,
  quarterRange,
  roadmapLanes,
} from './roadmap-ui';

const FIELDS = ['title', 'description', 'lane', 'quarter', 'visibility'];

type Draft = {
  title: string;
  description: string;
  lane: RoadmapLaneName;
  quarter: string;
  visibility: InitiativeVisibilityName;
};

const visibilityOptions = [
  { value: 'internal', label: 'Internal' },
  { value: 'public', label: 'Public' },
] as const;

/** The last quarter and the next two years, plus the one already chosen if it is elsewhere. */
const quarterOptions = (chosen: string) => {
  const now = currentQuarterIndex();
  const quarters = quarterRange(now - 1, now + 8);
  if (chosen && !quarters.includes(chosen)) quarters.push(chosen);
  quarters.sort((a, b) => (quarterIndex(a) ?? 0) - (quarterIndex(b) ?? 0));
  return [
    { value: '', label: 'Unscheduled' },
    ...quarters.map((quarter) => ({ value: quarter, label: formatQuarter(quarter) })),
  ];
};

/** Only what the person changed goes into the edit. */
const changesOf = (initiative: InitiativeView, draft: Draft): EditInitiativeInput => {
  const quarter = draft.quarter || null;
  return {
    ...(draft.title.trim() !== initiative.title ? { title: draft.title.trim() } : {}),
    ...(draft.description !== initiative.description ? { description: draft.description } : {}),
    ...(quarter !== initiative.quarter ? { quarter } : {}),
    ...(draft.visibility !== initiative.visibility ? { visibility: draft.visibility } : {}),
  };
};

type FormProps = {
  initiative: InitiativeView | null;
  onDone: () => void;
};

const InitiativeForm = ({ initiative, onDone }: FormProps) => {
  const [draft, setDraft] = useState<Draft>(
    initiative
      ? {
          title: initiative.title,
          description: initiative.description,
          lane: initiative.lane,
          quarter: initiative.quarter ?? '',
          visibility: initiative.visibility,
        }
      : { title: '', description: '', lane: 'next', quarter: '', visibility: 'internal' },
  );
  const [titleMissing, setTitleMissing] = useState(false);
  const create = useCreateInitiative();
  const edit = useEditInitiative();
  const move = useMoveInitiative();
  const error = create.error ?? edit.error ?? move.error;
  const saving = create.isPending || edit.isPending || move.isPending;

  const change = <K extends keyof Draft>(field: K, value: Draft[K]) => {
    setDraft((current) => ({ ...current, [field]: value }));
    create.reset();
    edit.reset();
    move.reset();
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (draft.title.trim().length === 0) {
      setTitleMissing(true);
      return;
    }
    try {
      if (!initiative) {
        await create.mutateAsync({
          title: draft.title.trim(),
          ...(draft.description.trim() ? { description: draft.description } : {}),
          lane: draft.lane,
          quarter: draft.quarter || null,
          visibility: draft.visibility,
        });
      } else {
        const changes = changesOf(initiative, draft);
        if (Object.keys(changes).length > 0) {
          await edit.mutateAsync({ id: initiative.id, version: initiative.version, changes });
        }
        if (draft.lane !== initiative.lane) {
          await move.mutateAsync({ id: initiative.id, lane: draft.lane });
        }
      }
      onDone();
    } catch {
      // The failed mutation's error shows in the form.
    }
  };

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate>
      <div className="composer__fields">
        <TextField
          label="Title"
          required
          placeholder="e.g. Self-serve onboarding"
          value={draft.title}
          error={
            (titleMissing && !draft.title.trim() ? 'An initiative needs a title.' : undefined) ??
            fieldError(error, 'title')
          }
          onChange={(event) => change('title', event.target.value)}
        />
        <TextArea
          label="Description"
          aside="Optional"
          rows={4}
          hint="Markdown. Public initiatives show it on the public roadmap."
          value={draft.description}
          error={fieldError(error, 'description')}
          onChange={(event) => change('description', event.target.value)}
        />
        <div className="form-row">
          <Select
            label="Lane"
            value={draft.lane}
            options={roadmapLanes.map((name) => ({ value: name, label: laneLabels[name] }))}
            error={fieldError(error, 'lane')}
            onChange={(event) => change('lane', event.target.value as RoadmapLaneName)}
          />
          <Select
            label="Quarter"
            value={draft.quarter}
            options={quarterOptions(draft.quarter)}
            error={fieldError(error, 'quarter')}
            onChange={(event) => change('quarter', event.target.value)}
          />
        </div>
        <div className="ui-field">
          <span className="ui-field__label" aria-hidden="true">
            Visibility
          </span>
          <SegmentedControl
            label="Visibility"
            value={draft.visibility}
            options={visibilityOptions}
            onChange={(visibility) => change('visibility', visibility)}
          />
          <p className="ui-field__hint">
            {draft.visibility === 'public'
              ? 'Shown on the public roadmap, with its progress, to anyone.'
              : 'Seen by your team only.'}
          </p>
        </div>
        <FormError error={error} shownBy={FIELDS} />
      </div>
      <footer className="composer__footer">
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" loading={saving}>
          {initiative ? 'Save' : 'Create initiative'}
        </Button>
      </footer>
    </form>
  );
};

/** Creates an initiative, or edits `initiative`. */
export const InitiativeDialog = ({
  open,
  initiative,
  onClose,
}: {
  open: boolean;
  initiative: InitiativeView | null;
  onClose: () => void;
}) => (
  <Dialog
    open={open}
    onClose={onClose}
    title={initiative ? 'Edit initiative' : 'New initiative'}
    description={
      initiative ? initiative.title : 'A bet the roadmap tracks, with backlog items linked to it.'
    }
  >
    <InitiativeForm initiative={initiative} onDone={onClose} />
  </Dialog>
);
