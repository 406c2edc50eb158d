import { roleLabels, type AuditPerson } from '@chorus/domain/client';
import { Button, TextField } from '@chorus/ui';
import { useEffect, useState } from 'react';
import { ProblemError } from '../api/problem-error';
import { AsyncPicker, type PickerOption } from '../components/async-picker';
import { searchAuditPeople, type AuditFilters } from './audit-api';
import { clearedAuditFilters, isPlausibleDay, setAuditFilters } from './audit-params';
import { EventTypePicker } from './event-type-picker';

const personOption = (person: AuditPerson): PickerOption => ({
  id: person.id,
  label: person.name ?? person.id,
  hint: [person.role && roleLabels[person.role], person.email].filter(Boolean).join(' · '),
});

const searchPeople = async (q: string, signal: AbortSignal) =>
  (await searchAuditPeople(q, signal)).map(personOption);

/** A text filter that reaches the URL on Enter or leaving the field, not on every keystroke. */
const ResourceFilter = ({
  value,
  error,
}: {
  value: string | undefined;
  error: string | undefined;
}) => {
  const [draft, setDraft] = useState(value ?? '');
  useEffect(() => setDraft(value ?? ''), [value]);
  const commit = () => {
    const next = draft.trim() || undefined;
    if (next !== value) setAuditFilters({ resource: next });
  };
  return (
    <TextField
      className="audit-filters__field"
      label="Resource"
      placeholder="feedback, or feedback-<id>"
      hint={error ? undefined : 'A kind, or one stream id'}
      error={error}
      value={draft}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit();
      }}
    />
  );
};

/**
 * A day field that reaches the URL once it holds a whole day (or is emptied); a half-typed year
 * waits for the person to leave the field, and is then pointed out.
 */
const DayFilter = ({
  label,
  field,
  value,
  min,
  max,
  error,
}: {
  label: string;
  field: 'from' | 'to';
  value: string | undefined;
  min?: string | undefined;
  max?: string | undefined;
  error: string | undefined;
}) => {
  const [draft, setDraft] = useState(value ?? '');
  const [problem, setProblem] = useState<string>();
  useEffect(() => setDraft(value ?? ''), [value]);
  const commit = (next: string, explicit: boolean) => {
    if (next === (value ?? '') || next === '' || isPlausibleDay(next)) {
      setProblem(undefined);
      if (next !== (value ?? '')) setAuditFilters({ [field]: next || undefined });
    } else if (explicit) {
      setProblem('Pick a day from 2000 on.');
    }
  };
  return (
    <TextField
      className="audit-filters__field"
      label={label}
      type="date"
      value={draft}
      min={min}
      max={max}
      error={problem ?? error}
      onChange={(event) => {
        setDraft(event.target.value);
        commit(event.target.value, false);
      }}
      onBlur={() => commit(draft, true)}
    />
  );
};

export const AuditFilterBar = ({
  filters,
  actorName,
  error,
}: {
  filters: AuditFilters;
  /** The chosen actor's name, once the trail has named them. */
  actorName: string | null;
  /** Why the trail was refused, if it was: each field shows what the API said of it. */
  error: unknown;
}) => {
  const [chosen, setChosen] = useState<PickerOption | null>(null);
  const fieldError = (field: string) =>
    error instanceof ProblemError ? error.fieldMessage(field) : undefined;
  const actor: PickerOption | null = filters.actorId
    ? {
        id: filters.actorId,
        label:
          (chosen?.id === filters.actorId ? chosen.label : actorName) ?? `Id ${filters.actorId}`,
      }
    : null;
  const active = Object.values(filters).some((value) => value !== undefined);

  return (
    <form
      className="audit-filters filter-panel"
      aria-label="Audit trail filters"
      onSubmit={(event) => event.preventDefault()}
    >
      <AsyncPicker
        className="audit-filters__field"
        label="Actor"
        placeholder="Anyone"
        queryKey="audit-people"
        search={searchPeople}
        value={actor}
        error={fieldError('actorId')}
        onChange={(option) => {
          setChosen(option);
          setAuditFilters({ actorId: option?.id });
        }}
      />
      <EventTypePicker
        className="audit-filters__field"
        value={filters.type ?? []}
        error={fieldError('type')}
        onChange={(types) => setAuditFilters({ type: types.length > 0 ? types : undefined })}
      />
      <ResourceFilter value={filters.resource} error={fieldError('resource')} />
      <DayFilter
        label="From"
        field="from"
        value={filters.from}
        max={filters.to}
        error={fieldError('from')}
      />
      <DayFilter
        label="To"
        field="to"
        value={filters.to}
        min={filters.from}
        error={fieldError('to')}
      />
      <div className="audit-filters__end">
        <Button
          variant="ghost"
          size="sm"
          disabled={!active}
          onClick={() => setAuditFilters(clearedAuditFilters)}
        >
          Clear filters
        </Button>
      </div>
    </form>
  );
};
