import type { Actor } from '../shared/actor';
import type { Decider } from '../shared/decider';
import { ActionForbidden } from '../shared/errors';
import type { ActorRoleName } from '../shared/roles';
import {
  defaultNotificationPreferences,
  notificationCategories,
  type NotificationCategory,
} from './categories';
import type { NotificationPreferencesChanged } from './preferences.events';

/** The categories a person chose themself; the others follow their role's default. */
export type NotificationPreferences = {
  chosen: Readonly<Partial<Record<NotificationCategory, boolean>>>;
};

/**
 * Turn categories on or off. `role` is the person's role now, whose defaults stand for what they
 * never chose; a category asked for as it already is changes nothing.
 */
export type ChangeNotificationPreferences = {
  type: 'ChangeNotificationPreferences';
  personId: string;
  role: ActorRoleName;
  categories: Partial<Record<NotificationCategory, boolean>>;
  via: NotificationPreferencesChanged['data']['via'];
  actor: Actor;
};

/** Whether each category reaches the person: what they chose, else their role's default. */
export const effectivePreferences = (
  state: NotificationPreferences,
  role: ActorRoleName,
): Record<NotificationCategory, boolean> => ({
  ...defaultNotificationPreferences(role),
  ...state.chosen,
});

export const notificationPreferencesDecider: Decider<
  ChangeNotificationPreferences,
  NotificationPreferencesChanged,
  NotificationPreferences
> = {
  initialState: () => ({ chosen: {} }),
  evolve: (state, event) => ({ chosen: { ...state.chosen, ...event.data.categories } }),
  decide: (command, state) => {
    if (command.actor.id !== command.personId) {
      throw new ActionForbidden('People choose only which emails they receive themselves.');
    }
    const current = effectivePreferences(state, command.role);
    const changed = notificationCategories.filter((category) => {
      const wanted = command.categories[category];
      return wanted !== undefined && wanted !== current[category];
    });
    if (changed.length === 0) return [];
    return [
      {
        type: 'NotificationPreferencesChanged',
        data: {
          personId: command.personId,
          categories: Object.fromEntries(
            changed.map((category) => [category, command.categories[category]]),
          ),
          by: command.actor.id,
          via: command.via,
        },
      },
    ];
  },
};
