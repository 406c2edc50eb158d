import type { CatalogView, FeedbackItem } from '@chorus/domain/client';
import { Badge, StatusBadge } from '@chorus/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { feedbackPath } from './portal-paths';

/** A status as the workspace names and colours it (its id while the catalog loads). */
export const PortalStatus = ({
  status,
  catalog,
}: {
  status: string;
  catalog: CatalogView | undefined;
}) => {
  const definition = catalog?.statuses.find((candidate) => candidate.id === status);
  return (
    <StatusBadge status={status} label={definition?.name ?? status} colour={definition?.colour} />
  );
};

/** A post only its author and the team see until a teammate approves it. */
export const PendingBadge = () => {
  const { t } = useTranslation();
  return <Badge tone="amber">{t('feedback.pending')}</Badge>;
};

/** A date in the portal's language. */
export const useFormatDate = () => {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  return (iso: string) => format.format(new Date(iso));
};

type RowItem = Pick<FeedbackItem, 'id' | 'title' | 'status' | 'voteCount'> &
  Partial<Pick<FeedbackItem, 'commentCount' | 'votedByMe' | 'moderation'>>;

/** One feedback item in a list: its votes, title (its own page), status and comments. */
export const FeedbackRow = ({
  slug,
  item,
  catalog,
  snippet,
}: {
  slug: string;
  item: RowItem;
  catalog: CatalogView | undefined;
  snippet?: string;
}) => {
  const { t } = useTranslation();
  return (
    <li className="portal-row" data-testid="portal-row" data-feedback-id={item.id}>
      <span
        className={
          item.votedByMe ? 'portal-row__votes portal-row__votes--mine' : 'portal-row__votes'
        }
      >
        <strong>{item.voteCount}</strong>
        <span>{t('feedback.votes', { count: item.voteCount })}</span>
      </span>
      <div className="portal-row__body">
        <Link className="portal-row__title" href={feedbackPath(slug, item.id)}>
          {item.title}
        </Link>
        {snippet && (
          <p
            className="portal-row__snippet"
            // The API escapes the snippet and adds only <mark>.
            dangerouslySetInnerHTML={{ __html: snippet }}
          />
        )}
        <div className="portal-row__meta">
          <PortalStatus status={item.status} catalog={catalog} />
          {item.moderation === 'pending' && <PendingBadge />}
          {item.commentCount !== undefined && (
            <span>{t('feedback.comments', { count: item.commentCount })}</span>
          )}
        </div>
      </div>
    </li>
  );
};
