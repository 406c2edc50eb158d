import { feedbackSourceLabels, feedbackSources } from '@chorus/domain/client';
import { Button, Checkbox, SegmentedControl, Select, TextField } from '@chorus/ui';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { fetchCompany } from '../api/client';
import type { FeedbackSort } from '../api/types';
import { categoryOptions } from '../catalog/catalog-ui';
import { AsyncPicker } from '../components/async-picker';
import { searchCompanyOptions } from '../components/pickers';
import { useCatalogOrDefault } from '../queries/catalog';
import type { FeedbackListFilters } from '../queries/feedback-keys';
import {
  activeFilterCount,
  clearedFilters,
  setInboxFilters,
  sortOptions,
  viewOptions,
} from './inbox-filters';

const ALL = '';

/** A text filter that commits to the URL on Enter or blur, not on every keystroke. */
const TextFilter = ({
  label,
  value,
  onCommit,
}: {
  label: string;
  value: string | undefined;
  onCommit: (value: string | undefined) => void;
}) => {
  const [draft, setDraft] = useState(value ?? '');
  useEffect(() => setDraft(value ?? ''), [value]);
  const commit = () => {
    const next = draft.trim() || undefined;
    if (next !== value) onCommit(next);
  };
  return (
    <TextField
      className="filter-bar__field"
      label={label}
      placeholder="Any"
      value={draft}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit();
      }}
    />
  );
};

const CompanyFilter = ({
  companyId,
  onChange,
}: {
  companyId: string | undefined;
  onChange: (id: string | undefined) => void;
}) => {
  const company = useQuery({
    queryKey: ['company', companyId],
    queryFn: ({ signal }) => fetchCompany(companyId ?? '', signal),
    enabled: companyId !== undefined,
    staleTime: 60_000,
  });
  if (companyId) {
    return (
      <div className="ui-field filter-bar__field">
        <span className="ui-field__label">Company</span>
        <div className="picker__chosen">
          <Link href={`/companies/${encodeURIComponent(companyId)}`} className="picker__link">
            {company.data?.name ?? (company.isError ? companyId : 'Loading…')}
          </Link>
          <Button size="sm" variant="ghost" onClick={() => onChange(undefined)}>
            Clear<span className="ui-visually-hidden"> company filter</span>
          </Button>
        </div>
      </div>
    );
  }
  return (
    <AsyncPicker
      className="filter-bar__field"
      label="Company"
      placeholder="Any company"
      queryKey="companies"
      search={searchCompanyOptions}
      value={null}
      onChange={(option) => onChange(option?.id)}
    />
  );
};

export const FilterBar = ({ filters }: { filters: FeedbackListFilters }) => {
  const catalog = useCatalogOrDefault();
  const [expanded, setExpanded] = useState(() => activeFilterCount(filters) > 0);
  const set = (changes: Partial<FeedbackListFilters>) => {
    const next: FeedbackListFilters = { ...filters, ...changes };
    for (const key of Object.keys(changes) as (keyof FeedbackListFilters)[]) {
      if (next[key] === undefined || next[key] === '') delete next[key];
    }
    setInboxFilters(next);
  };
  const count = activeFilterCount(filters);
  const categories = categoryOptions(catalog, filters.boardId);
  const { categoryId } = filters;
  if (categoryId && !categories.some((option) => option.value === categoryId)) {
    // Not (yet) in the catalog, or on another board: still show what the URL asks for.
    categories.push({ value: categoryId, label: categoryId });
  }
  const changeBoard = (boardId: string | undefined) => {
    // A category the new board lacks would match nothing; an id shared with it still applies.
    const keepCategory =
      categoryId !== undefined &&
      categoryOptions(catalog, boardId).some((option) => option.value === categoryId);
    set({ boardId, categoryId: keepCategory ? categoryId : undefined });
  };

  return (
    <div className="filter-bar">
      <div className="filter-bar__row">
        <SegmentedControl
          label="Inbox view"
          value={filters.view ?? 'inbox'}
          options={viewOptions}
          onChange={(view) => set({ view: view === 'inbox' ? undefined : view })}
        />
        <div className="filter-bar__row-end">
          <Button
            size="sm"
            variant={count > 0 ? 'secondary' : 'ghost'}
            aria-expanded={expanded}
            aria-controls="inbox-filters"
            onClick={() => setExpanded((current) => !current)}
          >
            Filters{count > 0 ? ` (${count})` : ''}
          </Button>
          <Select
            className="filter-bar__sort"
            label="Sort by"
            hideLabel
            value={filters.sort}
            options={sortOptions.map((option) => ({ value: option.value, label: option.label }))}
            onChange={(event) => set({ sort: event.target.value as FeedbackSort })}
          />
        </div>
      </div>
      {expanded && (
        <div
          id="inbox-filters"
          className="filter-bar__grid filter-panel"
          role="group"
          aria-label="Filters"
        >
          <Select
            className="filter-bar__field"
            label="Status"
            value={filters.status ?? ALL}
            options={[
              { value: ALL, label: 'Any status' },
              ...catalog.statuses.map((s) => ({ value: s.id, label: s.name })),
            ]}
            onChange={(event) => set({ status: event.target.value || undefined })}
          />
          <Select
            className="filter-bar__field"
            label="Board"
            value={filters.boardId ?? ALL}
            options={[
              { value: ALL, label: 'Any board' },
              ...catalog.boards.map((b) => ({ value: b.id, label: b.name })),
            ]}
            onChange={(event) => changeBoard(event.target.value || undefined)}
          />
          <Select
            className="filter-bar__field"
            label="Category"
            value={categoryId ?? ALL}
            disabled={categories.length === 0}
            options={[
              {
                value: ALL,
                label:
                  categories.length === 0
                    ? filters.boardId
                      ? 'No categories on this board'
                      : 'No categories'
                    : 'Any category',
              },
              ...categories,
            ]}
            onChange={(event) => set({ categoryId: event.target.value || undefined })}
          />
          <Select
            className="filter-bar__field"
            label="Tag"
            value={filters.tagId ?? ALL}
            options={[
              { value: ALL, label: 'Any tag' },
              ...catalog.tags.map((t) => ({ value: t.id, label: t.name })),
            ]}
            onChange={(event) => set({ tagId: event.target.value || undefined })}
          />
          <Select
            className="filter-bar__field"
            label="Source"
            value={filters.source ?? ALL}
            options={[
              { value: ALL, label: 'Any source' },
              ...feedbackSources.map((s) => ({ value: s, label: feedbackSourceLabels[s] })),
            ]}
            onChange={(event) =>
              set({
                source: feedbackSources.find((s) => s === event.target.value),
              })
            }
          />
          <TextFilter
            label="Segment"
            value={filters.segment}
            onCommit={(segment) => set({ segment })}
          />
          <TextFilter label="Plan" value={filters.plan} onCommit={(plan) => set({ plan })} />
          <CompanyFilter
            companyId={filters.companyId}
            onChange={(companyId) => set({ companyId })}
          />
          <div className="filter-bar__checks">
            <Checkbox
              label="Unanswered only"
              hint="No public reply or status change yet"
              checked={filters.unanswered === true}
              onChange={(event) => set({ unanswered: event.target.checked || undefined })}
            />
            {count > 0 && (
              <Button
                size="sm"
                variant="ghost"
                onClick={() => setInboxFilters(clearedFilters(filters))}
              >
                Clear filters
              </Button>
            )}
          </div>
        </div>
      )}
    </div>
  );
};
