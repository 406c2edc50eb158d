import type { Actor } from '../shared/actor';
import { ActionForbidden } from '../shared/errors';
import { deciderSpec } from '../testing/decider-spec';
import { notificationReadsDecider, type MarkNotificationsRead } from './notification-reads.decider';
import type { NotificationsRead } from './notification.events';
import { notificationReadsStreamId, releaseNotificationsStreamId } from './notification.events';

const spec = deciderSpec(notificationReadsDecider);
const cleo: Actor = { id: 'user-cleo', role: 'customer' };
const tom: Actor = { id: 'user-tom', role: 'teammate' };
const [first, second] = [
  'a1b2c3d4-1111-4111-8111-111111111111',
  'b2c3d4e5-2222-4222-8222-222222222222',
];

const mark = (notificationIds: string[], actor: Actor = cleo): MarkNotificationsRead => ({
  type: 'MarkNotificationsRead',
  personId: cleo.id,
  notificationIds,
  actor,
});
const read = (...notificationIds: string[]): NotificationsRead => ({
  type: 'NotificationsRead',
  data: { personId: cleo.id, notificationIds },
});

describe('MarkNotificationsRead', () => {
  it('records the notifications read, each once', () =>
    spec
      .given([])
      .when(mark([first, second, first]))
      .then([read(first, second)]));

  it('leaves out those already read, and records nothing when all were', () => {
    spec
      .given([read(first)])
      .when(mark([first, second]))
      .then([read(second)]);
    spec
      .given([read(first), read(second)])
      .when(mark([second, first]))
      .thenNothingHappens();
  });

  it('records nothing for an empty list', () => spec.given([]).when(mark([])).thenNothingHappens());

  it('is for the person themself only, not even a teammate', () =>
    spec
      .given([])
      .when(mark([first], tom))
      .thenThrows(ActionForbidden));

  it('keeps reads in a stream per person, apart from the notifications of a release', () => {
    expect(notificationReadsStreamId(cleo.id)).toBe(`notification-reads-${cleo.id}`);
    expect(releaseNotificationsStreamId(first)).toBe(`notifications-release-${first}`);
  });
});
