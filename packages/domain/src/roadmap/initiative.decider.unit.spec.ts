import type { Actor } from '../shared/actor';
import { ActionForbidden, AggregateNotFound, DomainRuleViolation } from '../shared/errors';
import { fold } from '../shared/decider';
import { deciderSpec } from '../testing/decider-spec';
import { initiativeProgress } from './initiative';
import {
  initiativeDecider,
  type CreateInitiative,
  type EditInitiative,
  type InitiativeCommand,
} from './initiative.decider';
import { initiativeStreamId, type InitiativeEvent } from './initiative.events';

const spec = deciderSpec(initiativeDecider);
const initiativeId = '3c4d5e6f-0000-4000-8000-00000000000f';
const teammate: Actor = { id: 'user-teammate', role: 'teammate' };
const customer: Actor = { id: 'user-customer', role: 'customer' };

const created = (
  over: Partial<Extract<InitiativeEvent, { type: 'InitiativeCreated' }>['data']> = {},
): InitiativeEvent => ({
  type: 'InitiativeCreated',
  data: {
    initiativeId,
    title: 'Enterprise readiness',
    description: 'SSO, audit log, SCIM.',
    lane: 'next',
    quarter: '2027-Q2',
    visibility: 'public',
    by: teammate.id,
    ...over,
  },
});
const archived: InitiativeEvent = {
  type: 'InitiativeArchived',
  data: { initiativeId, by: teammate.id },
};

const create = (over: Partial<CreateInitiative> = {}): CreateInitiative => ({
  type: 'CreateInitiative',
  initiativeId,
  title: ' Enterprise readiness ',
  description: 'SSO, audit log, SCIM.',
  lane: 'next',
  quarter: '2027-Q2',
  visibility: 'public',
  actor: teammate,
  ...over,
});
const edit = (over: Partial<EditInitiative>): EditInitiative => ({
  type: 'EditInitiative',
  initiativeId,
  actor: teammate,
  ...over,
});
const move = (lane: 'now' | 'next' | 'later', actor = teammate): InitiativeCommand => ({
  type: 'MoveInitiative',
  initiativeId,
  lane,
  actor,
});
const archive = (actor = teammate): InitiativeCommand => ({
  type: 'ArchiveInitiative',
  initiativeId,
  actor,
});

/** The field a rule violation names. */
const fieldOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainRuleViolation) return error.field;
    throw error;
  }
  throw new Error('expected a rule violation');
};

describe('CreateInitiative', () => {
  it('creates an initiative in a lane and a quarter', () =>
    spec.given([]).when(create()).then([created()]));

  it('is internal and unscheduled unless said otherwise', () =>
    spec
      .given([])
      .when(create({ description: undefined, quarter: undefined, visibility: undefined }))
      .then([created({ description: '', quarter: null, visibility: 'internal' })]));

  it('folds into a live initiative', () =>
    expect(fold(initiativeDecider, [created()])).toEqual({
      exists: true,
      initiativeId,
      title: 'Enterprise readiness',
      description: 'SSO, audit log, SCIM.',
      lane: 'next',
      quarter: '2027-Q2',
      visibility: 'public',
      archived: false,
    }));

  it.each([
    ['title', { title: 'x' }],
    ['quarter', { quarter: 'Q2 2027' }],
    ['lane', { lane: 'soon' as 'now' }],
    ['visibility', { visibility: 'secret' as 'public' }],
  ])('refuses an invalid %s, naming it', (field, over) =>
    expect(fieldOf(() => initiativeDecider.decide(create(over), { exists: false }))).toBe(field),
  );

  it('cannot create the same initiative twice', () =>
    spec
      .given([created()])
      .when(create())
      .thenThrows(DomainRuleViolation, /already exists/));

  it('is for teammates only', () =>
    spec
      .given([])
      .when(create({ actor: customer }))
      .thenThrows(ActionForbidden));
});

describe('EditInitiative', () => {
  it('records only the fields that change', () =>
    spec
      .given([created()])
      .when(edit({ title: 'Enterprise readiness', quarter: '2027-Q3', visibility: 'public' }))
      .then([
        { type: 'InitiativeEdited', data: { initiativeId, quarter: '2027-Q3', by: teammate.id } },
      ]));

  it('takes it off the timeline with a null quarter', () => {
    spec
      .given([created()])
      .when(edit({ quarter: null, visibility: 'internal' }))
      .then([
        {
          type: 'InitiativeEdited',
          data: { initiativeId, quarter: null, visibility: 'internal', by: teammate.id },
        },
      ]);
    expect(
      fold(initiativeDecider, [
        created(),
        { type: 'InitiativeEdited', data: { initiativeId, quarter: null, by: teammate.id } },
      ]),
    ).toMatchObject({ quarter: null, title: 'Enterprise readiness' });
  });

  it('records nothing when nothing changes', () =>
    spec
      .given([created()])
      .when(edit({ description: 'SSO, audit log, SCIM.' }))
      .thenNothingHappens());

  it('validates what it changes', () =>
    expect(
      fieldOf(() =>
        initiativeDecider.decide(edit({ title: ' ' }), fold(initiativeDecider, [created()])),
      ),
    ).toBe('title'));

  it('finds nothing to edit once archived', () =>
    spec
      .given([created(), archived])
      .when(edit({ title: 'Again' }))
      .thenThrows(AggregateNotFound));
});

describe('MoveInitiative', () => {
  it('moves it to another lane', () => {
    const moved: InitiativeEvent = {
      type: 'InitiativeMoved',
      data: { initiativeId, from: 'next', to: 'now', by: teammate.id },
    };
    spec.given([created()]).when(move('now')).then([moved]);
    expect(fold(initiativeDecider, [created(), moved])).toMatchObject({ lane: 'now' });
  });

  it('records nothing for a move to its own lane', () =>
    spec.given([created()]).when(move('next')).thenNothingHappens());

  it('refuses customers and initiatives that do not exist', () => {
    spec.given([created()]).when(move('now', customer)).thenThrows(ActionForbidden);
    spec.given([]).when(move('now')).thenThrows(AggregateNotFound);
  });
});

describe('ArchiveInitiative', () => {
  it('archives it once', () => {
    spec.given([created()]).when(archive()).then([archived]);
    expect(fold(initiativeDecider, [created(), archived])).toMatchObject({ archived: true });
    spec.given([created(), archived]).when(archive()).thenThrows(AggregateNotFound);
  });

  it('is for teammates only', () =>
    spec.given([created()]).when(archive(customer)).thenThrows(ActionForbidden));

  it('lives in one stream per initiative', () =>
    expect(initiativeStreamId(initiativeId)).toBe(`initiative-${initiativeId}`));
});

describe('initiativeProgress', () => {
  it('weighs items by their estimates', () =>
    expect(
      initiativeProgress({ itemCount: 3, doneItemCount: 1, points: 8, donePoints: 5 }),
    ).toEqual({ itemCount: 3, doneItemCount: 1, points: 8, donePoints: 5, percent: 62 }));

  it('counts items while none is estimated', () =>
    expect(
      initiativeProgress({ itemCount: 3, doneItemCount: 1, points: 0, donePoints: 0 }).percent,
    ).toBe(33));

  it('is 0 without items and 100 only when all is done', () => {
    expect(
      initiativeProgress({ itemCount: 0, doneItemCount: 0, points: 0, donePoints: 0 }).percent,
    ).toBe(0);
    expect(
      initiativeProgress({ itemCount: 2, doneItemCount: 1, points: 10, donePoints: 9.99 }).percent,
    ).toBe(99);
    expect(
      initiativeProgress({ itemCount: 2, doneItemCount: 2, points: 10, donePoints: 10 }).percent,
    ).toBe(100);
  });

  it('does not lose a percent to binary fractions', () =>
    expect(
      initiativeProgress({ itemCount: 2, doneItemCount: 1, points: 10, donePoints: 2.9 }).percent,
    ).toBe(29));
});
