import { EmptyState, ErrorState, Skeleton } from '@chorus/ui';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { describeError, isProblem } from '../api/problem-error';

type DetailPageProps<T> = {
  query: UseQueryResult<T>;
  /** What the page shows, as in "Couldn't load this release". */
  noun: string;
  /** Where a reader of a link that leads nowhere goes instead. */
  back: { href: string; label: string };
  wide?: boolean;
  children: (data: T) => ReactNode;
};

/** A page about one thing: a skeleton while it loads, "not found" for a 404, retry otherwise. */
export const DetailPage = <T,>({ query, noun, back, wide, children }: DetailPageProps<T>) => (
  <div className={wide ? 'page page--wide' : 'page'}>
    {query.isPending ? (
      <div className="table-skeleton" aria-hidden="true">
        <Skeleton width="40%" height="2rem" />
        <Skeleton height="4rem" />
        <Skeleton height="14rem" />
      </div>
    ) : query.isError ? (
      isProblem(query.error, 404) ? (
        <EmptyState
          title={`${noun.charAt(0).toUpperCase()}${noun.slice(1)} not found`}
          hint="It may have been removed, or the link points to another workspace."
          action={
            <Link className="ui-button ui-button--secondary ui-button--md" href={back.href}>
              {back.label}
            </Link>
          }
        />
      ) : (
        <ErrorState
          title={`Couldn't load this ${noun}`}
          detail={describeError(query.error)}
          onRetry={() => void query.refetch()}
          retrying={query.isFetching}
        />
      )
    ) : (
      children(query.data)
    )}
  </div>
);
