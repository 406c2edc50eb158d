import type { Actor } from '../shared/actor';
import { ActionForbidden } from '../shared/errors';
import { actorRoles } from '../shared/roles';
import { deciderSpec } from '../testing/decider-spec';
import {
  applicableNotificationCategories,
  defaultNotificationPreferences,
  isNotificationCategory,
  notificationCategoryOfKind,
} from './categories';
import {
  effectivePreferences,
  notificationPreferencesDecider,
  type ChangeNotificationPreferences,
} from './preferences.decider';
import {
  NotificationPreferencesChangedV1,
  notificationPreferencesStreamId,
  type NotificationPreferencesChanged,
} from './preferences.events';

const spec = deciderSpec(notificationPreferencesDecider);
const cleo: Actor = { id: 'user-cleo', role: 'customer' };
const mia: Actor = { id: 'user-mia', role: 'product_manager' };
const tom: Actor = { id: 'user-tom', role: 'teammate' };

const change = (
  categories: ChangeNotificationPreferences['categories'],
  actor: Actor = cleo,
  via: ChangeNotificationPreferences['via'] = 'settings',
): ChangeNotificationPreferences => ({
  type: 'ChangeNotificationPreferences',
  personId: actor.id,
  role: actor.role,
  categories,
  via,
  actor,
});
const changed = (
  categories: NotificationPreferencesChanged['data']['categories'],
  actor: Actor = cleo,
  via: NotificationPreferencesChanged['data']['via'] = 'settings',
): NotificationPreferencesChanged => ({
  type: 'NotificationPreferencesChanged',
  data: { personId: actor.id, categories, by: actor.id, via },
});

describe('ChangeNotificationPreferences', () => {
  it('records only the categories that change', () =>
    spec
      .given([])
      .when(change({ shipped: false, comments: true, merges: false }))
      .then([changed({ shipped: false, merges: false })]));

  it('records what an unsubscribe link turned off, and nothing the second time', () => {
    spec
      .given([])
      .when(change({ shipped: false }, cleo, 'unsubscribe_link'))
      .then([changed({ shipped: false }, cleo, 'unsubscribe_link')]);
    spec
      .given([changed({ shipped: false }, cleo, 'unsubscribe_link')])
      .when(change({ shipped: false }, cleo, 'unsubscribe_link'))
      .thenNothingHappens();
  });

  it('turns back on what was turned off', () =>
    spec
      .given([changed({ shipped: false, merges: false })])
      .when(change({ shipped: true, merges: false }))
      .then([changed({ shipped: true })]));

  it('measures a change against the default of the role: the digest is on for product managers only', () => {
    spec
      .given([])
      .when(change({ weekly_digest: true }, mia))
      .thenNothingHappens();
    spec
      .given([])
      .when(change({ weekly_digest: true }, tom))
      .then([changed({ weekly_digest: true }, tom)]);
  });

  it('records nothing for an empty change', () =>
    spec.given([]).when(change({})).thenNothingHappens());

  it('is for the person themself only, not even an admin', () =>
    spec
      .given([])
      .when({ ...change({ shipped: false }), actor: { id: 'user-ada', role: 'admin' } })
      .thenThrows(ActionForbidden));
});

describe('notification preferences', () => {
  it('are everything on by default, the weekly digest only for product managers and admins', () => {
    for (const role of actorRoles) {
      const digest = role === 'admin' || role === 'product_manager';
      expect({ role, preferences: defaultNotificationPreferences(role) }).toEqual({
        role,
        preferences: {
          shipped: true,
          status_changes: true,
          comments: true,
          merges: true,
          mentions: true,
          weekly_digest: digest,
        },
      });
    }
  });

  it('follow the role until chosen, then the choice', () => {
    const state = [changed({ weekly_digest: false }, mia)].reduce(
      notificationPreferencesDecider.evolve,
      notificationPreferencesDecider.initialState(),
    );
    expect(effectivePreferences(state, 'product_manager').weekly_digest).toBe(false);
    expect(effectivePreferences(state, 'product_manager').shipped).toBe(true);
    expect(effectivePreferences(notificationPreferencesDecider.initialState(), 'admin')).toEqual(
      defaultNotificationPreferences('admin'),
    );
  });

  it('offer the digest to those who read dashboards and mentions to the team, not to customers', () => {
    expect(applicableNotificationCategories('customer')).toEqual([
      'shipped',
      'status_changes',
      'comments',
      'merges',
    ]);
    expect(applicableNotificationCategories('viewer')).toEqual([
      'shipped',
      'status_changes',
      'comments',
      'merges',
      'mentions',
      'weekly_digest',
    ]);
  });

  it('map every kind of notification to a category', () => {
    expect(Object.values(notificationCategoryOfKind).every(isNotificationCategory)).toBe(true);
    expect(notificationCategoryOfKind.feedback_shipped).toBe('shipped');
    expect(isNotificationCategory('newsletter')).toBe(false);
  });

  it('keep only categories that exist, and at least one, in the event', () => {
    const parse = (categories: unknown) =>
      NotificationPreferencesChangedV1.schema.safeParse({
        personId: cleo.id,
        categories,
        by: cleo.id,
        via: 'settings',
      }).success;
    expect(parse({ shipped: false })).toBe(true);
    expect(parse({ newsletter: false })).toBe(false);
    expect(parse({})).toBe(false);
  });

  it('live in a stream per person of the notification stream type', () => {
    const streamId = notificationPreferencesStreamId(cleo.id);
    expect(streamId).toBe(`notification-preferences-${cleo.id}`);
    expect(streamId.slice(0, streamId.indexOf('-'))).toBe('notification');
  });
});
