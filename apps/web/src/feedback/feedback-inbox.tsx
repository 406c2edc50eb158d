import { Button, Card, EmptyState, ErrorState, Kbd, Spinner, TextField } from '@chorus/ui';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { describeError } from '../api/problem-error';
import type { FeedbackItem, Me } from '../api/types';
import { useCan } from '../auth/use-can';
import { FeedbackStatusBadge } from '../catalog/catalog-ui';
import { MessagesIcon, PlusIcon } from '../icons';
import { hasModifier, isDialogOpen, isTyping } from '../lib/keyboard';
import { plural } from '../lib/format';
import { hrefWithSearchParams, updateSearchParams, useSearchParam } from '../lib/url-state';
import { useDebounced } from '../lib/use-debounced';
import { useFeedbackList, useSearch } from '../queries/feedback-queries';
import { FeedbackDetailPanel } from './feedback-detail-panel';
import { FeedbackList, uniqueById } from './feedback-list';
import { FilterBar } from './filter-bar';
import { clearedFilters, setInboxFilters, useInboxFilters } from './inbox-filters';
import { ItemActionsBinder, type ItemActions } from './item-actions';
import { NewFeedbackDialog } from './new-feedback-dialog';
import { ShortcutsDialog } from './shortcuts';
import { TriageDialogs, type TriageDialog } from './triage-dialogs';

const rowLink = (id: string) =>
  document.querySelector<HTMLElement>(`[data-feedback-id="${CSS.escape(id)}"] a`);

/** Puts focus back on a row after a dialog or the panel closed, unless focus went elsewhere. */
const focusRow = (id: string | null) => {
  if (!id) return;
  const active = document.activeElement;
  if (active && active !== document.body && document.contains(active)) return;
  rowLink(id)?.focus({ preventScroll: true });
};

const SearchResults = ({
  q,
  cursorId,
  selectedId,
  onOpen,
  onFocusRow,
}: {
  q: string;
  cursorId: string | null;
  selectedId: string | null;
  onOpen: (id: string) => void;
  onFocusRow: (id: string) => void;
}) => {
  const search = useSearch(q);
  if (search.isPending) return <Spinner label="Searching" />;
  if (search.isError) {
    return (
      <Card padded={false}>
        <ErrorState
          title="Search failed"
          detail={describeError(search.error)}
          onRetry={() => void search.refetch()}
        />
      </Card>
    );
  }
  if (search.data.hits.length === 0) {
    return (
      <Card padded={false}>
        <EmptyState icon={<MessagesIcon />} title={`Nothing matches “${q}”`} />
      </Card>
    );
  }
  return (
    <Card padded={false} className="feedback-list-card">
      <p className="ui-visually-hidden" aria-live="polite">
        {plural(search.data.hits.length, 'result')} for {q}.
      </p>
      <ul className="feedback-list" aria-label="Search results">
        {search.data.hits.map((hit) => (
          <li
            key={hit.id}
            className="feedback-row"
            data-testid="feedback-row"
            data-feedback-id={hit.id}
          >
            <a
              className={`feedback-row__link${hit.id === cursorId ? ' is-cursor' : ''}${hit.id === selectedId ? ' is-selected' : ''}`}
              // A merged duplicate found by its words leads to the item it was merged into.
              href={hrefWithSearchParams({ feedback: hit.mergedInto ?? hit.id })}
              aria-current={hit.id === selectedId ? 'true' : undefined}
              onFocus={() => onFocusRow(hit.id)}
              onClick={(event) => {
                event.preventDefault();
                onOpen(hit.mergedInto ?? hit.id);
              }}
            >
              <span className="feedback-row__votes">
                <span className="feedback-row__vote-count">{hit.voteCount}</span>
                <span className="ui-visually-hidden"> votes</span>
              </span>
              <span className="feedback-row__main">
                <span className="feedback-row__title">{hit.title}</span>
                <span
                  className="feedback-row__snippet"
                  // The API escapes the snippet and adds only <mark>.
                  dangerouslySetInnerHTML={{ __html: hit.snippet }}
                />
              </span>
              <span className="feedback-row__status">
                {hit.mergedInto && <span className="ui-badge">Merged</span>}
                <FeedbackStatusBadge status={hit.status} />
              </span>
            </a>
          </li>
        ))}
      </ul>
    </Card>
  );
};

export const FeedbackInbox = ({ me }: { me: Me }) => {
  const filters = useInboxFilters();
  const selectedId = useSearchParam('feedback');
  const urlQuery = useSearchParam('q') ?? '';
  const [searchText, setSearchText] = useState(urlQuery);
  const q = useDebounced(searchText.trim(), 300);
  const [cursorId, setCursorId] = useState<string | null>(selectedId);
  const [composing, setComposing] = useState(false);
  const [showShortcuts, setShowShortcuts] = useState(false);
  const [triage, setTriage] = useState<TriageDialog | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const searchRef = useRef<HTMLInputElement>(null);
  const actions = useRef<ItemActions | null>(null);
  const can = useCan();
  const participant = can('feedback.participate');
  const triager = can('feedback.triage');

  const list = useFeedbackList(filters);
  const search = useSearch(q);
  const items = useMemo(
    () => uniqueById(list.data?.pages.flatMap((page) => page.items) ?? []),
    [list.data],
  );
  const ids = useMemo(
    () => (q ? (search.data?.hits.map((hit) => hit.id) ?? []) : items.map((item) => item.id)),
    [q, search.data, items],
  );

  useEffect(() => {
    updateSearchParams({ q: q || null }, 'replace');
  }, [q]);

  // The keyboard cursor follows whatever was opened last, by click or by link.
  useEffect(() => {
    if (selectedId) setCursorId(selectedId);
  }, [selectedId]);

  const announce = useCallback((message: string) => {
    // A repeat of the same sentence must still be spoken.
    setAnnouncement('');
    window.setTimeout(() => setAnnouncement(message), 30);
  }, []);

  const openFeedback = useCallback(
    (id: string) => {
      setCursorId(id);
      updateSearchParams({ feedback: id }, selectedId ? 'replace' : 'push');
    },
    [selectedId],
  );
  const closeFeedback = useCallback(() => {
    updateSearchParams({ feedback: null }, 'push');
    // Focus returns to the row that was open, so the keyboard carries on from there.
    window.requestAnimationFrame(() => focusRow(cursorId));
  }, [cursorId]);

  const moveCursor = useCallback(
    (step: 1 | -1) => {
      if (ids.length === 0) return;
      const index = cursorId ? ids.indexOf(cursorId) : -1;
      const nextIndex =
        index === -1
          ? step === 1
            ? 0
            : ids.length - 1
          : Math.min(Math.max(index + step, 0), ids.length - 1);
      const next = ids[nextIndex];
      if (!next) return;
      setCursorId(next);
      if (selectedId) updateSearchParams({ feedback: next }, 'replace');
      const row = rowLink(next);
      row?.focus({ preventScroll: true });
      row?.scrollIntoView({ block: 'nearest' });
      if (nextIndex === ids.length - 1 && !q && list.hasNextPage && !list.isFetchingNextPage) {
        void list.fetchNextPage();
      }
    },
    [ids, cursorId, selectedId, q, list],
  );

  const targetId = cursorId ?? selectedId;

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (
        event.defaultPrevented ||
        hasModifier(event) ||
        isTyping(event.target) ||
        isDialogOpen()
      ) {
        return;
      }
      const needsTarget = (run: (id: string) => void) => {
        if (targetId) run(targetId);
        else announce('Select an item first: press j.');
      };
      switch (event.key) {
        case '?':
          setShowShortcuts(true);
          break;
        case '/':
          searchRef.current?.focus();
          searchRef.current?.select();
          break;
        case 'j':
          moveCursor(1);
          break;
        case 'k':
          moveCursor(-1);
          break;
        case 'o':
          needsTarget(openFeedback);
          break;
        case 'Enter':
          // A focused link or button handles Enter itself.
          if (event.target instanceof HTMLElement && event.target.closest('a, button')) return;
          needsTarget(openFeedback);
          break;
        // What the person's role may not do has no shortcut: the key does nothing.
        case 'v':
          if (!participant) return;
          needsTarget(() => actions.current?.vote());
          break;
        case 'a':
          if (!triager) return;
          needsTarget(() => actions.current?.approve());
          break;
        case 'x':
          if (!triager) return;
          needsTarget(() => actions.current?.toggleSpam());
          break;
        case 's':
          if (!triager) return;
          needsTarget(() => setTriage('status'));
          break;
        case 't':
          if (!triager) return;
          needsTarget(() => setTriage('tags'));
          break;
        case 'm':
          if (!triager) return;
          needsTarget(() => setTriage('merge'));
          break;
        case 'Escape':
          if (!selectedId && cursorId) setCursorId(null);
          return;
        default:
          return;
      }
      event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [announce, cursorId, moveCursor, openFeedback, participant, selectedId, targetId, triager]);

  const onSubmitted = (item: FeedbackItem) => {
    setComposing(false);
    announce(`Feedback “${item.title}” submitted.`);
  };

  return (
    <div className={selectedId ? 'inbox inbox--with-detail' : 'inbox'}>
      <section className="inbox__list" aria-labelledby="inbox-title">
        <div className="page-header">
          <div>
            <h1 id="inbox-title" className="page-header__title">
              Inbox
            </h1>
            <p className="page-header__lead">
              Every idea and request shared with {me.workspace.name}. Press <Kbd>?</Kbd> for
              keyboard shortcuts.
            </p>
          </div>
          <div className="page-header__actions">
            <Button variant="ghost" onClick={() => setShowShortcuts(true)}>
              Shortcuts
            </Button>
            {participant && (
              <Button variant="primary" icon={<PlusIcon />} onClick={() => setComposing(true)}>
                New feedback
              </Button>
            )}
          </div>
        </div>

        <div className="inbox__search" role="search">
          <TextField
            ref={searchRef}
            label="Search feedback"
            hideLabel
            type="search"
            placeholder="Search feedback…  ( / )"
            value={searchText}
            onChange={(event) => setSearchText(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') {
                event.preventDefault();
                if (searchText) setSearchText('');
                else event.currentTarget.blur();
              } else if (event.key === 'ArrowDown' || (event.key === 'Enter' && ids[0])) {
                event.preventDefault();
                event.currentTarget.blur();
                moveCursor(1);
              }
            }}
          />
        </div>

        {q ? (
          <SearchResults
            q={q}
            cursorId={cursorId}
            selectedId={selectedId}
            onOpen={openFeedback}
            onFocusRow={setCursorId}
          />
        ) : (
          <>
            <FilterBar filters={filters} />
            <FeedbackList
              list={list}
              items={items}
              filters={filters}
              selectedId={selectedId}
              cursorId={cursorId}
              onOpen={openFeedback}
              onFocusRow={setCursorId}
              onSubmitFeedback={participant ? () => setComposing(true) : undefined}
              onClearFilters={() => setInboxFilters(clearedFilters(filters))}
            />
          </>
        )}
      </section>

      {selectedId && (
        <FeedbackDetailPanel
          key={`panel-${selectedId}`}
          id={selectedId}
          me={me}
          onClose={closeFeedback}
          onOpen={openFeedback}
          onMerge={() => {
            setCursorId(selectedId);
            setTriage('merge');
          }}
          onAnnounce={announce}
        />
      )}

      {targetId && (
        <ItemActionsBinder
          key={`actions-${targetId}`}
          id={targetId}
          bind={actions}
          announce={announce}
        />
      )}
      {targetId && triage && (
        <TriageDialogs
          key={`dialogs-${targetId}`}
          id={targetId}
          dialog={triage}
          onClose={() => {
            setTriage(null);
            window.requestAnimationFrame(() => focusRow(targetId));
          }}
          onAnnounce={announce}
        />
      )}

      <NewFeedbackDialog
        open={composing && participant}
        onCancel={() => setComposing(false)}
        onSubmitted={onSubmitted}
        onOpenExisting={(id) => {
          setComposing(false);
          openFeedback(id);
        }}
      />
      <ShortcutsDialog open={showShortcuts} onClose={() => setShowShortcuts(false)} />
      <p className="ui-visually-hidden" aria-live="polite" data-testid="announcer">
        {announcement}
      </p>
    </div>
  );
};
