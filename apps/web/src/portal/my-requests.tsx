import type { FeedbackItem, Me } from '@chorus/domain/client';
import { EmptyState, ErrorState, Skeleton } from '@chorus/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { describeError } from '../api/problem-error';
import { portalPath } from './portal-paths';
import { useMyRequests, usePortalCatalog } from './portal-queries';
import { FeedbackRow } from './portal-ui';

const Group = ({
  slug,
  id,
  title,
  empty,
  items,
}: {
  slug: string;
  id: string;
  title: string;
  empty: string;
  items: FeedbackItem[];
}) => {
  const catalog = usePortalCatalog(true);
  return (
    <section className="portal-mine__group" aria-labelledby={id} data-testid={id}>
      <h2 id={id} className="portal-detail__subtitle">
        {title} <span className="portal-muted">({items.length})</span>
      </h2>
      {items.length === 0 ? (
        <p className="portal-muted">{empty}</p>
      ) : (
        <ul className="portal-list">
          {items.map((item) => (
            <FeedbackRow key={item.id} slug={slug} item={item} catalog={catalog.data} />
          ))}
        </ul>
      )}
    </section>
  );
};

/** "My requests": what the customer asked for, voted on, and followed. */
export const MyRequests = ({ slug, me }: { slug: string; me: Me }) => {
  const { t } = useTranslation();
  const mine = useMyRequests(me.id);
  return (
    <>
      <div className="page-header">
        <div>
          <h1 className="page-header__title">{t('mine.title')}</h1>
          <p className="page-header__lead">{t('mine.lead')}</p>
        </div>
      </div>
      {mine.isPending ? (
        <div className="table-skeleton" aria-hidden="true">
          <Skeleton height="4rem" />
          <Skeleton height="4rem" />
        </div>
      ) : mine.isError ? (
        <ErrorState
          title={t('mine.loadError')}
          detail={describeError(mine.error)}
          onRetry={() => void mine.refetch()}
          retrying={mine.isFetching}
        />
      ) : mine.data.submitted.length + mine.data.voted.length + mine.data.followed.length === 0 ? (
        <EmptyState
          title={t('mine.empty')}
          hint={<Link href={portalPath(slug)}>{t('mine.browse')}</Link>}
        />
      ) : (
        <div className="portal-mine">
          <Group
            slug={slug}
            id="mine-submitted"
            title={t('mine.submitted')}
            empty={t('mine.noneSubmitted')}
            items={mine.data.submitted}
          />
          <Group
            slug={slug}
            id="mine-voted"
            title={t('mine.voted')}
            empty={t('mine.noneVoted')}
            items={mine.data.voted}
          />
          <Group
            slug={slug}
            id="mine-followed"
            title={t('mine.followed')}
            empty={t('mine.noneFollowed')}
            items={mine.data.followed}
          />
          {!mine.data.complete && <p className="portal-muted">{t('mine.partial')}</p>}
        </div>
      )}
    </>
  );
};
