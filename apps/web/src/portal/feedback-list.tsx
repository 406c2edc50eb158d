import type { FeedbackSort } from '@chorus/domain/client';
import {
  Button,
  EmptyState,
  ErrorState,
  SegmentedControl,
  Select,
  Skeleton,
  TextField,
} from '@chorus/ui';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { describeError } from '../api/problem-error';
import { updateSearchParams, useSearchParam } from '../lib/url-state';
import { useDebounced } from '../lib/use-debounced';
import { portalPath } from './portal-paths';
import { usePortalCatalog, usePortalFeedback, usePortalSearch } from './portal-queries';
import { FeedbackRow } from './portal-ui';

const sorts = ['votes', 'newest', 'trending'] as const satisfies readonly FeedbackSort[];
type PortalSort = (typeof sorts)[number];
const readSort = (value: string | null): PortalSort =>
  sorts.find((sort) => sort === value) ?? 'votes';

// Taller than a window, as the list it stands for: the footer under it must not jump away.
const ListSkeleton = () => (
  <div className="table-skeleton" aria-hidden="true">
    {Array.from({ length: 12 }, (_, index) => (
      <Skeleton key={index} height="4rem" />
    ))}
  </div>
);

/** A search over all visible feedback, best matches first. */
const SearchResults = ({ slug, q }: { slug: string; q: string }) => {
  const { t } = useTranslation();
  const catalog = usePortalCatalog(true);
  const search = usePortalSearch(q);
  if (search.isPending) return <ListSkeleton />;
  if (search.isError) {
    return (
      <ErrorState
        title={t('feedback.loadError')}
        detail={describeError(search.error)}
        onRetry={() => void search.refetch()}
        retrying={search.isFetching}
      />
    );
  }
  const hits = search.data.hits.filter((hit) => hit.mergedInto === null);
  if (hits.length === 0) {
    return (
      <EmptyState
        title={t('feedback.noMatches', { q })}
        hint={<Link href={portalPath(slug, 'submit')}>{t('feedback.suggestIt')}</Link>}
      />
    );
  }
  return (
    <ul className="portal-list" aria-label={t('feedback.searchResults')}>
      {hits.map((hit) => (
        <FeedbackRow
          key={hit.id}
          slug={slug}
          item={hit}
          catalog={catalog.data}
          snippet={hit.snippet}
        />
      ))}
    </ul>
  );
};

/** The workspace's feedback, filtered by board and status, sorted as chosen. */
const BrowseResults = ({
  slug,
  sort,
  status,
  boardId,
}: {
  slug: string;
  sort: PortalSort;
  status: string | null;
  boardId: string | null;
}) => {
  const { t } = useTranslation();
  const catalog = usePortalCatalog(true);
  const feedback = usePortalFeedback({ sort, status, boardId }, true);
  const items = feedback.data?.pages.flatMap((page) => page.items) ?? [];
  if (feedback.isPending) return <ListSkeleton />;
  if (feedback.isLoadingError) {
    return (
      <ErrorState
        title={t('feedback.loadError')}
        detail={describeError(feedback.error)}
        onRetry={() => void feedback.refetch()}
        retrying={feedback.isFetching}
      />
    );
  }
  if (items.length === 0) {
    return (
      <EmptyState
        title={t('feedback.empty')}
        hint={<Link href={portalPath(slug, 'submit')}>{t('feedback.suggestIt')}</Link>}
      />
    );
  }
  return (
    <>
      <ul
        className="portal-list"
        aria-label={t('feedback.listLabel')}
        aria-busy={feedback.isFetching}
      >
        {items.map((item) => (
          <FeedbackRow key={item.id} slug={slug} item={item} catalog={catalog.data} />
        ))}
      </ul>
      {feedback.isFetchNextPageError && (
        <ErrorState
          compact
          title={t('common.loadMoreError')}
          detail={describeError(feedback.error)}
        />
      )}
      {feedback.hasNextPage && (
        <div className="portal-list__more">
          <Button
            onClick={() => void feedback.fetchNextPage()}
            loading={feedback.isFetchingNextPage}
          >
            {t('common.loadMore')}
          </Button>
        </div>
      )}
    </>
  );
};

export const FeedbackList = ({ slug }: { slug: string }) => {
  const { t } = useTranslation();
  const catalog = usePortalCatalog(true);
  const sort = readSort(useSearchParam('sort'));
  const status = useSearchParam('status');
  const boardId = useSearchParam('board');
  const q = useSearchParam('q') ?? '';
  const [typed, setTyped] = useState(q);
  const settled = useDebounced(typed.trim(), 300);

  // The search lives in the address, so a search can be shared and the back button undoes it.
  useEffect(() => {
    updateSearchParams({ q: settled || null }, 'replace');
  }, [settled]);

  const boards = (catalog.data?.boards ?? []).filter((board) => board.visibility === 'public');
  const statuses = catalog.data?.statuses ?? [];

  return (
    <>
      <div className="page-header">
        <div>
          <h1 className="page-header__title">{t('feedback.title')}</h1>
          <p className="page-header__lead">{t('feedback.lead')}</p>
        </div>
        <Link
          className="ui-button ui-button--primary ui-button--md"
          href={portalPath(slug, 'submit')}
        >
          {t('nav.submit')}
        </Link>
      </div>
      <div className="portal-filters" role="search" aria-label={t('feedback.filters')}>
        <TextField
          className="portal-filters__search"
          label={t('feedback.search')}
          type="search"
          value={typed}
          placeholder={t('feedback.searchPlaceholder')}
          onChange={(event) => setTyped(event.target.value)}
        />
        {!q && (
          <>
            <Select
              label={t('feedback.board')}
              value={boardId ?? ''}
              options={[
                { value: '', label: t('feedback.allBoards') },
                ...boards.map((board) => ({ value: board.id, label: board.name })),
              ]}
              onChange={(event) =>
                updateSearchParams({ board: event.target.value || null }, 'push')
              }
            />
            <Select
              label={t('feedback.status')}
              value={status ?? ''}
              options={[
                { value: '', label: t('feedback.allStatuses') },
                ...statuses.map((definition) => ({ value: definition.id, label: definition.name })),
              ]}
              onChange={(event) =>
                updateSearchParams({ status: event.target.value || null }, 'push')
              }
            />
            <SegmentedControl
              label={t('feedback.sort')}
              value={sort}
              options={sorts.map((value) => ({ value, label: t(`feedback.sorts.${value}`) }))}
              onChange={(value) =>
                updateSearchParams({ sort: value === 'votes' ? null : value }, 'push')
              }
            />
          </>
        )}
      </div>
      {q ? (
        <SearchResults slug={slug} q={q} />
      ) : (
        <BrowseResults slug={slug} sort={sort} status={status} boardId={boardId} />
      )}
    </>
  );
};
