import type { Actor } from '../shared/actor';
import type { Decider } from '../shared/decider';
import { ActionForbidden } from '../shared/errors';
import type { NotificationsRead } from './notification.events';

/** The notifications a person has read, folded from their own reads stream. */
export type NotificationReads = { read: ReadonlySet<string> };

/**
 * `notificationIds` are the caller's own notifications, as the API found them in the read model;
 * the ones already read are left out, so marking twice records nothing.
 */
export type MarkNotificationsRead = {
  type: 'MarkNotificationsRead';
  personId: string;
  notificationIds: readonly string[];
  actor: Actor;
};

export const notificationReadsDecider: Decider<
  MarkNotificationsRead,
  NotificationsRead,
  NotificationReads
> = {
  initialState: () => ({ read: new Set() }),
  evolve: (state, event) => ({
    read: new Set([...state.read, ...event.data.notificationIds]),
  }),
  decide: (command, state) => {
    if (command.actor.id !== command.personId) {
      throw new ActionForbidden('People mark only their own notifications as read.');
    }
    const unread = [...new Set(command.notificationIds)].filter((id) => !state.read.has(id));
    if (unread.length === 0) return [];
    return [
      {
        type: 'NotificationsRead',
        data: { personId: command.personId, notificationIds: unread },
      },
    ];
  },
};
