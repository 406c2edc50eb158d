import type { NotificationView } from '@chorus/domain/client';
import { Button, cx, ErrorState, Spinner } from '@chorus/ui';
import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'wouter';
import { describeError } from '../api/problem-error';
import { BellIcon } from '../icons';
import { FormError } from '../lib/form-error';
import { formatRelativeTime } from '../lib/format';
import { useNow } from '../lib/use-now';
import { useMarkRead, useNotifications } from './notification-queries';

const feedbackHref = (id: string) => `/?feedback=${encodeURIComponent(id)}`;

const NotificationEntry = ({
  notification,
  now,
  onOpen,
}: {
  notification: NotificationView;
  now: number;
  onOpen: (notification: NotificationView) => void;
}) => (
  <li
    className={cx('notification', !notification.read && 'notification--unread')}
    data-testid="notification"
  >
    <p className="notification__text">
      {!notification.read && <span className="ui-visually-hidden">Unread: </span>}
      <strong>{notification.releaseName}</strong> shipped what you asked for:
    </p>
    <ul className="notification__feedback">
      {notification.feedback.map((feedback) => (
        <li key={feedback.id}>
          <Link href={feedbackHref(feedback.id)} onClick={() => onOpen(notification)}>
            {feedback.title}
          </Link>
        </li>
      ))}
    </ul>
    <time className="notification__time" dateTime={notification.createdAt}>
      {formatRelativeTime(notification.createdAt, now)}
    </time>
  </li>
);

/** The top bar's bell: how many notifications are unread, and the list in a panel. */
export const NotificationsBell = () => {
  const notifications = useNotifications();
  const markRead = useMarkRead();
  const now = useNow();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const items = notifications.data?.pages.flatMap((page) => page.items) ?? [];
  const unread = notifications.data?.pages[0]?.unreadCount ?? 0;

  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    panelRef.current?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const onOpen = (notification: NotificationView) => {
    if (!notification.read) markRead.mutate([notification.id]);
    close(false);
  };

  return (
    <div className="bell" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="ui-icon-button bell__button"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        aria-label={unread > 0 ? `Notifications, ${unread} unread` : 'Notifications'}
        title="Notifications"
        data-testid="notifications-bell"
        onClick={() => setOpen((current) => !current)}
      >
        <BellIcon />
        {unread > 0 && (
          <span className="bell__count" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      {open && (
        <div
          ref={panelRef}
          id={panelId}
          className="bell__panel"
          role="dialog"
          aria-label="Notifications"
          tabIndex={-1}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.stopPropagation();
              close(true);
            }
          }}
        >
          <header className="bell__head">
            <h2 className="bell__title">Notifications</h2>
            <Button
              size="sm"
              variant="ghost"
              disabled={unread === 0}
              onClick={() => markRead.mutate(undefined)}
            >
              Mark all read
            </Button>
          </header>
          <FormError error={markRead.error} />
          {notifications.isPending ? (
            <div className="bell__state">
              <Spinner label="Loading notifications" />
            </div>
          ) : notifications.isLoadingError ? (
            <ErrorState
              compact
              title="Couldn't load notifications"
              detail={describeError(notifications.error)}
              onRetry={() => void notifications.refetch()}
              retrying={notifications.isFetching}
            />
          ) : items.length === 0 ? (
            <p className="bell__state">
              Nothing yet. When a release ships feedback you voted on or follow, you hear it here.
            </p>
          ) : (
            <ul className="bell__list" aria-label="Notifications">
              {items.map((notification) => (
                <NotificationEntry
                  key={notification.id}
                  notification={notification}
                  now={now}
                  onOpen={onOpen}
                />
              ))}
            </ul>
          )}
          {notifications.hasNextPage && (
            <div className="bell__more">
              <Button
                size="sm"
                onClick={() => void notifications.fetchNextPage()}
                loading={notifications.isFetchingNextPage}
              >
                Load more
              </Button>
            </div>
          )}
        </div>
      )}
    </div>
  );
};
