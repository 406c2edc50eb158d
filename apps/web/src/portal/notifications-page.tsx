import type {
  NotificationActorView,
  NotificationView,
  NotifiedFeedback,
} from '@chorus/domain/client';
import { Badge, Button, EmptyState, ErrorState, Skeleton } from '@chorus/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { describeError } from '../api/problem-error';
import { FormError } from '../lib/form-error';
import { feedbackPath } from './portal-paths';
import { useMarkPortalNotificationsRead, usePortalNotifications } from './portal-queries';
import { useFormatDate } from './portal-ui';

/** What happened, in the reader's language; the feedback it is about follows as links. */
const useSentence = () => {
  const { t } = useTranslation();
  const nameOf = (by: NotificationActorView) => by.name ?? t('notifications.someone');
  return (notification: NotificationView): string => {
    switch (notification.kind) {
      case 'feedback_shipped':
        return t('notifications.shipped', { release: notification.releaseName });
      case 'status_changed':
        return t('notifications.statusChanged', {
          name: nameOf(notification.by),
          status: notification.status.name,
        });
      case 'comment_posted':
        return t('notifications.commented', { name: nameOf(notification.by) });
      case 'feedback_merged':
        return t('notifications.merged', {
          name: nameOf(notification.by),
          into: notification.into.title,
        });
      case 'mentioned':
        return t('notifications.mentioned', { name: nameOf(notification.by) });
    }
  };
};

/** A merge sends the reader to where their vote now counts; anything else to the item itself. */
const linkedFeedback = (notification: NotificationView): NotifiedFeedback[] =>
  notification.kind === 'feedback_merged' ? [notification.into] : notification.feedback;

/** The customer's notifications: what changed on the requests they asked for, voted on or follow. */
export const NotificationsPage = ({ slug }: { slug: string }) => {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const sentence = useSentence();
  const notifications = usePortalNotifications(true);
  const markRead = useMarkPortalNotificationsRead();
  const items = notifications.data?.pages.flatMap((page) => page.items) ?? [];
  const unread = notifications.data?.pages[0]?.unreadCount ?? 0;

  return (
    <>
      <div className="page-header">
        <div>
          <h1 className="page-header__title">{t('notifications.title')}</h1>
          <p className="page-header__lead">{t('notifications.lead')}</p>
        </div>
        <Button
          disabled={unread === 0}
          loading={markRead.isPending}
          onClick={() => markRead.mutate(undefined)}
        >
          {t('notifications.markAllRead')}
        </Button>
      </div>
      <FormError error={markRead.error} />
      {notifications.isPending ? (
        <div className="table-skeleton" aria-hidden="true">
          <Skeleton height="4rem" />
          <Skeleton height="4rem" />
          <Skeleton height="4rem" />
        </div>
      ) : notifications.isError ? (
        <ErrorState
          title={t('notifications.loadError')}
          detail={describeError(notifications.error)}
          onRetry={() => void notifications.refetch()}
          retrying={notifications.isFetching}
        />
      ) : items.length === 0 ? (
        <EmptyState title={t('notifications.empty')} hint={t('notifications.emptyHint')} />
      ) : (
        <ul className="portal-notifications" data-testid="portal-notifications">
          {items.map((notification) => (
            <li
              key={notification.id}
              className={`portal-notification${notification.read ? '' : ' portal-notification--unread'}`}
            >
              <p className="portal-notification__text">
                {!notification.read && <Badge tone="accent">{t('notifications.unread')}</Badge>}{' '}
                {sentence(notification)}
              </p>
              <ul className="portal-notification__feedback">
                {linkedFeedback(notification).map((feedback) => (
                  <li key={feedback.id}>
                    <Link
                      href={feedbackPath(slug, feedback.id)}
                      onClick={() => {
                        if (!notification.read) markRead.mutate([notification.id]);
                      }}
                    >
                      {feedback.title}
                    </Link>
                  </li>
                ))}
              </ul>
              <time className="portal-muted" dateTime={notification.createdAt}>
                {formatDate(notification.createdAt)}
              </time>
            </li>
          ))}
        </ul>
      )}
      {notifications.hasNextPage && (
        <Button
          loading={notifications.isFetchingNextPage}
          onClick={() => void notifications.fetchNextPage()}
        >
          {t('notifications.loadMore')}
        </Button>
      )}
    </>
  );
};
