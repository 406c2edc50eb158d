import type {
  NotificationActorView,
  NotificationView,
  NotifiedFeedback,
} from '@chorus/domain/client';
import { Button, cx, ErrorState, Spinner } from '@chorus/ui';
import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'wouter';
import { describeError } from '../api/problem-error';
import { BellIcon } from '../icons';
import { FormError } from '../lib/form-error';
import { formatRelativeTime } from '../lib/format';
import { useNow } from '../lib/use-now';
import { useMarkRead, useNotifications } from './notification-queries';
import './notifications.css';

const feedbackHref = (id: string) => `/?feedback=${encodeURIComponent(id)}`;

type Open = () => void;

/** A feedback title in quotes, linking to the feedback. */
const Quoted = ({ feedback, onOpen }: { feedback: NotifiedFeedback | undefined; onOpen: Open }) =>
  feedback ? (
    <>
      “
      <Link href={feedbackHref(feedback.id)} onClick={onOpen}>
        {feedback.title}
      </Link>
      ”
    </>
  ) : (
    <>a feedback item</>
  );

const nameOf = (by: NotificationActorView) => <strong>{by.name ?? 'Someone'}</strong>;

/** What happened, in a sentence with a link to the feedback. */
const NotificationText = ({
  notification,
  onOpen,
}: {
  notification: NotificationView;
  onOpen: Open;
}) => {
  const [about] = notification.feedback;
  const unread = !notification.read && <span className="ui-visually-hidden">Unread: </span>;
  switch (notification.kind) {
    case 'feedback_shipped':
      return (
        <>
          <p className="notification__text">
            {unread}
            <strong>{notification.releaseName}</strong> shipped what you asked for:
          </p>
          <ul className="notification__feedback">
            {notification.feedback.map((feedback) => (
              <li key={feedback.id}>
                <Link href={feedbackHref(feedback.id)} onClick={onOpen}>
                  {feedback.title}
                </Link>
              </li>
            ))}
          </ul>
        </>
      );
    case 'status_changed':
      return (
        <p className="notification__text">
          {unread}
          {nameOf(notification.by)} changed <Quoted feedback={about} onOpen={onOpen} /> to{' '}
          <strong>{notification.status.name}</strong>
        </p>
      );
    case 'comment_posted':
      return (
        <p className="notification__text">
          {unread}
          {nameOf(notification.by)} replied on <Quoted feedback={about} onOpen={onOpen} />
        </p>
      );
    case 'feedback_merged':
      return (
        <p className="notification__text">
          {unread}
          <Quoted feedback={about} onOpen={onOpen} /> was merged into{' '}
          <Quoted feedback={notification.into} onOpen={onOpen} />
        </p>
      );
    case 'mentioned':
      return (
        <p className="notification__text">
          {unread}
          {nameOf(notification.by)} mentioned you on <Quoted feedback={about} onOpen={onOpen} />
        </p>
      );
  }
};

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
    <NotificationText notification={notification} onOpen={() => onOpen(notification)} />
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
              Nothing yet. When feedback you voted on or follow moves, gets a reply or ships, or
              someone mentions you, you hear it here.
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
