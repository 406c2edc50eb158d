import type { Dashboard, DashboardParams, ResolvedDashboardQuery } from '@chorus/domain/client';
import { Button, Checkbox, SegmentedControl, Select, TextField } from '@chorus/ui';
import { useEffect, useRef, useState } from 'react';
import { isDay, rangePresets, setDashboardParams, utcDay } from './dashboard-params';

const ANY = '';

/**
 * A date field whose value reaches the URL once it is a whole, plausible value: at once on Enter
 * or leaving the field, else after a pause, so typing a date does not load every partial one.
 */
const CommitField = ({
  label,
  type,
  value,
  check,
  onCommit,
  min,
  max,
  hint,
}: {
  label: string;
  type: 'date' | 'datetime-local';
  value: string;
  /** What is wrong with a value, if anything. */
  check: (draft: string) => string | undefined;
  onCommit: (value: string) => void;
  min?: string | undefined;
  max?: string | undefined;
  hint?: string;
}) => {
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string>();
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => setDraft(value), [value]);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  /**
   * `explicit` for Enter and leaving the field: only then is a half-typed value an error, or an
   * empty one meant (browsers report a half-typed date as empty).
   */
  const commit = (next: string, explicit: boolean) => {
    window.clearTimeout(timer.current);
    if (next === '' && !explicit) return;
    const problem = next === value ? undefined : check(next);
    if (next !== value && !problem) onCommit(next);
    if (explicit || !problem) setError(problem);
  };
  return (
    <TextField
      className="dash-filters__field"
      label={label}
      type={type}
      value={draft}
      min={min}
      max={max}
      hint={hint}
      error={error}
      onChange={(event) => {
        const next = event.target.value;
        setDraft(next);
        window.clearTimeout(timer.current);
        timer.current = window.setTimeout(() => commit(next, false), 700);
      }}
      onBlur={() => commit(draft, true)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit(draft, true);
      }}
    />
  );
};

// A typed year passes through 0002, 0020 and 0202 on its way to 2025: those are not asked for.
const EARLIEST = '2000-01-01';

const checkDay = (value: string, after: string, before: string): string | undefined => {
  if (!isDay(value) || value < EARLIEST) return 'Pick a day from 2000 on.';
  if (after && value < after) return 'The range ends before it starts.';
  if (before && value > before) return 'The range starts after it ends.';
  return undefined;
};

const granularityOptions = [
  { value: 'day', label: 'Day' },
  { value: 'week', label: 'Week' },
] as const;

const choices = (values: readonly { id: string; name: string }[], chosen: string | undefined) =>
  chosen && !values.some((value) => value.id === chosen)
    ? [...values, { id: chosen, name: chosen }]
    : values;

export const DashboardFilters = ({
  params,
  resolved,
  filters,
}: {
  params: DashboardParams;
  /** The range and filters the API answered for; absent until the first answer. */
  resolved: ResolvedDashboardQuery | undefined;
  filters: Dashboard<unknown, unknown>['filters'] | undefined;
}) => {
  const from = params.from ?? resolved?.from ?? '';
  const to = params.to ?? resolved?.to ?? '';
  const presetEnd = params.asOf ? utcDay(new Date(params.asOf)) : utcDay();
  const boards = choices(filters?.boards ?? [], params.boardId);
  const named = (values: readonly string[]) => values.map((value) => ({ id: value, name: value }));
  const segments = choices(named(filters?.segments ?? []), params.segment);
  const plans = choices(named(filters?.plans ?? []), params.plan);

  return (
    <form
      className="dash-filters filter-panel"
      aria-label="Dashboard filters"
      onSubmit={(event) => event.preventDefault()}
    >
      <div className="dash-filters__row">
        <div className="dash-presets" role="group" aria-label="Quick ranges">
          {rangePresets.map((preset) => {
            const [presetFrom, presetTo] = preset.range(presetEnd);
            const active = presetFrom === from && presetTo === to;
            return (
              <Button
                key={preset.id}
                size="sm"
                variant={active ? 'secondary' : 'ghost'}
                aria-pressed={active}
                onClick={() => setDashboardParams({ from: presetFrom, to: presetTo })}
              >
                {preset.label}
              </Button>
            );
          })}
        </div>
        <div className="dash-filters__row-end">
          <Checkbox
            label="Compare with previous period"
            checked={params.compare !== false}
            onChange={(event) =>
              setDashboardParams({ compare: event.target.checked ? undefined : false })
            }
          />
          <SegmentedControl
            label="Granularity"
            value={params.granularity ?? resolved?.granularity ?? 'day'}
            options={granularityOptions}
            onChange={(granularity) =>
              setDashboardParams({ granularity: granularity === 'day' ? undefined : granularity })
            }
          />
        </div>
      </div>
      <div className="dash-filters__grid">
        <CommitField
          label="From"
          type="date"
          value={from}
          max={to || undefined}
          check={(value) => checkDay(value, '', to)}
          onCommit={(value) => setDashboardParams({ from: value, to: to || undefined })}
        />
        <CommitField
          label="To"
          type="date"
          value={to}
          min={from || undefined}
          check={(value) => checkDay(value, from, '')}
          onCommit={(value) => setDashboardParams({ from: from || undefined, to: value })}
        />
        <Select
          className="dash-filters__field"
          label="Board"
          value={params.boardId ?? ANY}
          options={[
            { value: ANY, label: 'All boards' },
            ...boards.map((board) => ({ value: board.id, label: board.name })),
          ]}
          onChange={(event) => setDashboardParams({ boardId: event.target.value || undefined })}
        />
        <Select
          className="dash-filters__field"
          label="Segment"
          value={params.segment ?? ANY}
          options={[
            { value: ANY, label: 'All segments' },
            ...segments.map((segment) => ({ value: segment.id, label: segment.name })),
          ]}
          onChange={(event) => setDashboardParams({ segment: event.target.value || undefined })}
        />
        <Select
          className="dash-filters__field"
          label="Plan"
          value={params.plan ?? ANY}
          options={[
            { value: ANY, label: 'All plans' },
            ...plans.map((plan) => ({ value: plan.id, label: plan.name })),
          ]}
          onChange={(event) => setDashboardParams({ plan: event.target.value || undefined })}
        />
      </div>
    </form>
  );
};
