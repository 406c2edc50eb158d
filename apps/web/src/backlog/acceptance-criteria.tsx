import type { AcceptanceCriterionView, BacklogItemView } from '@chorus/domain/client';
import { Button, Card, Checkbox, IconButton, TextArea } from '@chorus/ui';
import { useRef, useState, type FormEvent } from 'react';
import { isProblem, ProblemError } from '../api/problem-error';
import { useCan, whoCan } from '../auth/use-can';
import { ArrowDownIcon, ArrowUpIcon, PlusIcon, TrashIcon } from '../icons';
import { FormError } from '../lib/form-error';
import { useChangeCriteria, useCheckCriterion } from './backlog-queries';
import { StaleBanner } from './stale-banner';

const parts = ['given', 'when', 'then'] as const;
type Part = (typeof parts)[number];
const partLabels: Record<Part, string> = { given: 'Given', when: 'When', then: 'Then' };

/** A row being edited; `key` tells rows apart for React, `id` is the saved criterion's. */
type DraftRow = { key: number; id?: string; given: string; when: string; then: string };

let nextKey = 0;
const blankRow = (): DraftRow => ({ key: nextKey++, given: '', when: '', then: '' });
const rowOf = (criterion: AcceptanceCriterionView): DraftRow => ({
  key: nextKey++,
  id: criterion.id,
  given: criterion.given,
  when: criterion.when,
  then: criterion.then,
});

const serverMessage = (error: unknown, index: number, part: Part) =>
  error instanceof ProblemError
    ? (error.fieldMessage(`criteria.${index}.${part}`) ??
      error.fieldMessage(`criteria/${index}/${part}`))
    : undefined;

const CriteriaEditor = ({
  item,
  onDone,
  onReload,
}: {
  item: BacklogItemView;
  onDone: (message: string | null) => void;
  onReload: () => void;
}) => {
  const change = useChangeCriteria(item.id);
  const [rows, setRows] = useState<DraftRow[]>(() =>
    item.acceptanceCriteria.length > 0 ? item.acceptanceCriteria.map(rowOf) : [blankRow()],
  );
  const [attempted, setAttempted] = useState(false);
  const listRef = useRef<HTMLOListElement>(null);

  const update = (key: number, patch: Partial<DraftRow>) =>
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  const move = (index: number, by: -1 | 1) =>
    setRows((current) => {
      const next = [...current];
      const [row] = next.splice(index, 1);
      if (row) next.splice(index + by, 0, row);
      return next;
    });
  /** Focuses a row's first field once it has rendered (e.g. one just added). */
  const focusRow = (index: number) =>
    window.setTimeout(() => {
      const rowElements = listRef.current?.querySelectorAll<HTMLElement>('.criteria-editor__row');
      rowElements?.item(index)?.querySelector<HTMLElement>('textarea')?.focus();
    });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAttempted(true);
    const firstBlank = rows.findIndex((row) => parts.some((part) => row[part].trim() === ''));
    if (firstBlank !== -1) {
      focusRow(firstBlank);
      return;
    }
    change.mutate(
      {
        version: item.version,
        criteria: rows.map(({ id, given, when, then }) => ({
          ...(id ? { id } : {}),
          given: given.trim(),
          when: when.trim(),
          then: then.trim(),
        })),
      },
      { onSuccess: () => onDone('Acceptance criteria saved.') },
    );
  };

  return (
    <form
      className="criteria-editor"
      onSubmit={onSubmit}
      noValidate
      aria-label="Edit acceptance criteria"
    >
      {rows.length === 0 ? (
        <p className="detail__muted">No criteria: saving leaves the item without any.</p>
      ) : (
        <ol className="criteria-editor__list" ref={listRef}>
          {rows.map((row, index) => (
            <li key={row.key} className="criteria-editor__row">
              <fieldset className="criteria-editor__fields">
                <legend className="criteria-editor__legend">Criterion {index + 1}</legend>
                {parts.map((part) => (
                  <TextArea
                    key={part}
                    label={partLabels[part]}
                    rows={1}
                    required
                    value={row[part]}
                    error={
                      (attempted && row[part].trim() === ''
                        ? `Each acceptance criterion needs a “${part}”.`
                        : undefined) ?? serverMessage(change.error, index, part)
                    }
                    onChange={(event) => update(row.key, { [part]: event.target.value })}
                  />
                ))}
              </fieldset>
              <div className="criteria-editor__tools">
                <IconButton
                  label={`Move criterion ${index + 1} up`}
                  icon={<ArrowUpIcon />}
                  disabled={index === 0}
                  onClick={() => move(index, -1)}
                />
                <IconButton
                  label={`Move criterion ${index + 1} down`}
                  icon={<ArrowDownIcon />}
                  disabled={index === rows.length - 1}
                  onClick={() => move(index, 1)}
                />
                <IconButton
                  label={`Remove criterion ${index + 1}`}
                  icon={<TrashIcon />}
                  onClick={() => setRows((current) => current.filter((r) => r.key !== row.key))}
                />
              </div>
            </li>
          ))}
        </ol>
      )}
      {isProblem(change.error, 412) && (
        <StaleBanner
          onReload={() => {
            onDone(null);
            onReload();
          }}
        />
      )}
      <FormError
        error={isProblem(change.error, 412) ? null : change.error}
        shownBy={rows.flatMap((_, index) => parts.map((part) => `criteria.${index}.${part}`))}
      />
      <div className="backlog-form__actions">
        <Button
          variant="ghost"
          icon={<PlusIcon />}
          className="criteria-editor__add"
          onClick={() => {
            setRows((current) => [...current, blankRow()]);
            focusRow(rows.length);
          }}
        >
          Add criterion
        </Button>
        <Button variant="ghost" onClick={() => onDone(null)}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" loading={change.isPending}>
          Save criteria
        </Button>
      </div>
    </form>
  );
};

const CriterionCheck = ({
  item,
  criterion,
}: {
  item: BacklogItemView;
  criterion: AcceptanceCriterionView;
}) => {
  const check = useCheckCriterion(item.id);
  const worker = useCan()('backlog.work');
  // The box follows the click at once; the cache catches up once the command has settled.
  const [pending, setPending] = useState<boolean | null>(null);
  return (
    <li className="criteria__item">
      <Checkbox
        checked={pending ?? criterion.met}
        disabled={!worker}
        title={worker ? undefined : `Checking criteria off is for ${whoCan('backlog.work')}.`}
        onChange={(event) => {
          const met = event.target.checked;
          setPending(met);
          check.mutate({ criterionId: criterion.id, met }, { onSettled: () => setPending(null) });
        }}
        label={
          <span className="criteria__text">
            <span className="criteria__part">Given</span> {criterion.given}{' '}
            <span className="criteria__part">when</span> {criterion.when}{' '}
            <span className="criteria__part">then</span> {criterion.then}
          </span>
        }
      />
      <FormError error={check.error} />
    </li>
  );
};

/** The acceptance-criteria checklist: check them off as they are met, or rewrite the list. */
export const AcceptanceCriteria = ({
  item,
  onReload,
  onAnnounce,
}: {
  item: BacklogItemView;
  onReload: () => void;
  onAnnounce: (message: string) => void;
}) => {
  const [editing, setEditing] = useState(false);
  const planner = useCan()('backlog.plan');
  const criteria = item.acceptanceCriteria;
  const met = criteria.filter((criterion) => criterion.met).length;

  return (
    <Card>
      <div className="backlog-card__head">
        <h2 className="card__title">Acceptance criteria</h2>
        {criteria.length > 0 && !editing && (
          <span className="detail__muted" data-testid="criteria-progress">
            {met} of {criteria.length} met
          </span>
        )}
        {!editing && planner && (
          <Button size="sm" variant="secondary" onClick={() => setEditing(true)}>
            {criteria.length === 0 ? 'Add criteria' : 'Edit criteria'}
          </Button>
        )}
      </div>
      {editing && planner ? (
        <CriteriaEditor
          item={item}
          onReload={onReload}
          onDone={(message) => {
            setEditing(false);
            if (message) onAnnounce(message);
          }}
        />
      ) : criteria.length === 0 ? (
        <p className="detail__muted">
          {planner
            ? 'None yet. Write them as given/when/then, so the team knows when the item is done.'
            : 'None yet.'}
        </p>
      ) : (
        <ol className="criteria" aria-label="Acceptance criteria">
          {criteria.map((criterion) => (
            <CriterionCheck key={criterion.id} item={item} criterion={criterion} />
          ))}
        </ol>
      )}
    </Card>
  );
};
