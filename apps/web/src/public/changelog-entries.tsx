import type { ChangelogPage } from '@chorus/domain/client';
import { Badge, Button, EmptyState, ErrorState, Skeleton } from '@chorus/ui';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { describeError, isProblem } from '../api/problem-error';
import { formatDateTime } from '../lib/format';
import { Markdown } from './markdown';

type ChangelogQuery = UseInfiniteQueryResult<InfiniteData<ChangelogPage>>;

/** Published changelog entries, newest first: the public page and the team's own show the same. */
export const ChangelogEntries = ({ changelog }: { changelog: ChangelogQuery }) => {
  const entries = changelog.data?.pages.flatMap((page) => page.items) ?? [];

  if (changelog.isPending) {
    return (
      <div className="table-skeleton" aria-hidden="true">
        <Skeleton width="50%" height="1.5rem" />
        <Skeleton height="6rem" />
        <Skeleton width="50%" height="1.5rem" />
        <Skeleton height="6rem" />
      </div>
    );
  }
  if (changelog.isLoadingError) {
    return (
      <ErrorState
        title={
          isProblem(changelog.error, 404) ? 'No such workspace' : "Couldn't load the changelog"
        }
        detail={describeError(changelog.error)}
        {...(isProblem(changelog.error, 404)
          ? {}
          : { onRetry: () => void changelog.refetch(), retrying: changelog.isFetching })}
      />
    );
  }
  if (entries.length === 0) {
    return <EmptyState title="Nothing published yet" hint="Shipped releases show here." />;
  }

  return (
    <div className="changelog">
      <ol className="changelog__entries" aria-label="Changelog entries">
        {entries.map((entry) => (
          <li key={entry.releaseId}>
            <article
              className="changelog-entry"
              data-testid="changelog-entry"
              aria-labelledby={`changelog-${entry.releaseId}`}
            >
              <header className="changelog-entry__head">
                <time className="changelog-entry__date" dateTime={entry.publishedAt}>
                  {formatDateTime(entry.publishedAt)}
                </time>
                <Badge tone="accent">{entry.name}</Badge>
              </header>
              <h2 id={`changelog-${entry.releaseId}`} className="changelog-entry__title">
                {entry.title}
              </h2>
              <Markdown>{entry.body}</Markdown>
              {entry.items.length > 0 && (
                <ul className="changelog-entry__items" aria-label={`In ${entry.name}`}>
                  {entry.items.map((item) => (
                    <li key={item.id}>{item.title}</li>
                  ))}
                </ul>
              )}
            </article>
          </li>
        ))}
      </ol>
      {changelog.isFetchNextPageError && (
        <ErrorState compact title="Couldn't load more" detail={describeError(changelog.error)} />
      )}
      {changelog.hasNextPage && (
        <div className="changelog__more">
          <Button
            onClick={() => void changelog.fetchNextPage()}
            loading={changelog.isFetchingNextPage}
          >
            Older entries
          </Button>
        </div>
      )}
    </div>
  );
};
