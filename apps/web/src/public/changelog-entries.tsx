import type { ChangelogPage } from '@chorus/domain/client';
import { Badge, Button, EmptyState, ErrorState, Skeleton } from '@chorus/ui';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { describeError, isProblem } from '../api/problem-error';
import { formatDateTime } from '../lib/format';
import { Markdown } from './markdown';

type ChangelogQuery = UseInfiniteQueryResult<InfiniteData<ChangelogPage>>;

/** The list's words and dates: the team's page speaks English, the portal its visitor's language. */
export type ChangelogCopy = {
  noWorkspace: string;
  loadError: string;
  empty: string;
  emptyHint: string;
  entries: string;
  inRelease: (name: string) => string;
  loadMoreError: string;
  older: string;
  formatDate: (iso: string) => string;
};

const englishCopy: ChangelogCopy = {
  noWorkspace: 'No such workspace',
  loadError: "Couldn't load the changelog",
  empty: 'Nothing published yet',
  emptyHint: 'Shipped releases show here.',
  entries: 'Changelog entries',
  inRelease: (name) => `In ${name}`,
  loadMoreError: "Couldn't load more",
  older: 'Older entries',
  formatDate: formatDateTime,
};

/** The id of a release's entry on the changelog: a link to the page with it as hash lands there. */
export const changelogAnchor = (releaseId: string) => `release-${releaseId}`;

// Entries arrive after the page, too late for the browser's own jump to the link's hash.
const scrollIntoViewIfLinked = (entry: HTMLElement | null) => {
  if (entry && window.location.hash === `#${entry.id}`) entry.scrollIntoView({ block: 'start' });
};

/** Published changelog entries, newest first: the public page and the team's own show the same. */
export const ChangelogEntries = ({
  changelog,
  copy = englishCopy,
}: {
  changelog: ChangelogQuery;
  copy?: ChangelogCopy;
}) => {
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
        title={isProblem(changelog.error, 404) ? copy.noWorkspace : copy.loadError}
        detail={describeError(changelog.error)}
        {...(isProblem(changelog.error, 404)
          ? {}
          : { onRetry: () => void changelog.refetch(), retrying: changelog.isFetching })}
      />
    );
  }
  if (entries.length === 0) {
    return <EmptyState title={copy.empty} hint={copy.emptyHint} />;
  }

  return (
    <div className="changelog">
      <ol className="changelog__entries" aria-label={copy.entries}>
        {entries.map((entry) => (
          <li key={entry.releaseId}>
            <article
              id={changelogAnchor(entry.releaseId)}
              ref={scrollIntoViewIfLinked}
              className="changelog-entry"
              data-testid="changelog-entry"
              aria-labelledby={`changelog-${entry.releaseId}`}
            >
              <header className="changelog-entry__head">
                <time className="changelog-entry__date" dateTime={entry.publishedAt}>
                  {copy.formatDate(entry.publishedAt)}
                </time>
                <Badge tone="accent">{entry.name}</Badge>
              </header>
              <h2 id={`changelog-${entry.releaseId}`} className="changelog-entry__title">
                {entry.title}
              </h2>
              <Markdown>{entry.body}</Markdown>
              {entry.items.length > 0 && (
                <ul className="changelog-entry__items" aria-label={copy.inRelease(entry.name)}>
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
        <ErrorState compact title={copy.loadMoreError} detail={describeError(changelog.error)} />
      )}
      {changelog.hasNextPage && (
        <div className="changelog__more">
          <Button
            onClick={() => void changelog.fetchNextPage()}
            loading={changelog.isFetchingNextPage}
          >
            {copy.older}
          </Button>
        </div>
      )}
    </div>
  );
};
