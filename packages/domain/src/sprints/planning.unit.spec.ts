import type { Actor } from '../shared/actor';
import { ActionForbidden, AggregateNotFound, DomainRuleViolation } from '../shared/errors';
import { fold } from '../shared/decider';
import { evolveBacklogItem, initialBacklogItem, type BacklogItem } from '../backlog/backlog-item';
import type { BacklogItemEvent } from '../backlog/backlog.events';
import { decideCarryOver, decidePlanning, type PlanningCommand } from './planning';
import { sprintDecider } from './sprint.decider';
import type { Sprint } from './sprint';
import type { SprintEvent } from './sprint.events';

const itemId = '1a2b3c4d-0000-4000-8000-00000000000a';
const sprintId = '5f1d2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b';
const otherSprintId = '6a2e3d4c-5b6a-4f70-9b8c-0d1e2f3a4b5c';
const criterionA = '2b3c4d5e-0000-4000-8000-0000000000c1';
const criterionB = '2b3c4d5e-0000-4000-8000-0000000000c2';
const teammate: Actor = { id: 'user-teammate', role: 'teammate' };
const owner: Actor = { id: 'user-owner', role: 'admin' };
const customer: Actor = { id: 'user-customer', role: 'customer' };

type Created = Extract<BacklogItemEvent, { type: 'BacklogItemCreated' }>;
const createdItem = (over: Partial<Created['data']> = {}): BacklogItemEvent => ({
  type: 'BacklogItemCreated',
  data: {
    itemId,
    kind: 'story',
    parentId: null,
    title: 'Dark mode',
    description: '',
    acceptanceCriteria: [
      {
        id: criterionA,
        given: 'a signed-in user',
        when: 'they pick dark',
        then: 'it is dark',
        met: false,
      },
      {
        id: criterionB,
        given: 'dark mode',
        when: 'they reload',
        then: 'it stays dark',
        met: false,
      },
    ],
    estimate: 5,
    labels: [],
    ownerId: null,
    rank: 'a0',
    createdBy: teammate.id,
    ...over,
  },
});
const planned = (into = sprintId): BacklogItemEvent => ({
  type: 'BacklogItemPlanned',
  data: { itemId, sprintId: into, by: teammate.id },
});
const movedTo = (
  to: 'todo' | 'in_progress' | 'in_review' | 'done',
  from: 'todo' | 'in_progress' | 'in_review' | 'done' = 'todo',
): BacklogItemEvent => ({
  type: 'BacklogItemWorkStateChanged',
  data: { itemId, sprintId, from, to, by: teammate.id },
});
const checked = (criterionId: string): BacklogItemEvent => ({
  type: 'AcceptanceCriterionChecked',
  data: { itemId, criterionId, met: true, by: owner.id },
});
const acceptedEvent: BacklogItemEvent = {
  type: 'BacklogItemAccepted',
  data: { itemId, sprintId, points: 5, by: owner.id },
};

const item = (...events: BacklogItemEvent[]): BacklogItem =>
  events.reduce(evolveBacklogItem, initialBacklogItem());

const sprintCreated = (id = sprintId, name = 'Sprint 12'): SprintEvent => ({
  type: 'SprintCreated',
  data: {
    sprintId: id,
    name,
    goal: '',
    startDate: '2027-01-04',
    endDate: '2027-01-15',
    capacity: 30,
    by: teammate.id,
  },
});
const sprintStarted: SprintEvent = { type: 'SprintStarted', data: { sprintId, by: teammate.id } };
const sprintCompleted: SprintEvent = {
  type: 'SprintCompleted',
  data: { sprintId, acceptedItemIds: [], carriedOver: [], by: teammate.id },
};
const sprint = (...events: SprintEvent[]): Sprint => fold(sprintDecider, events);
const plannedSprint = sprint(sprintCreated());
const activeSprint = sprint(sprintCreated(), sprintStarted);

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

const plan = (actor: Actor = teammate): PlanningCommand => ({
  type: 'PlanItem',
  itemId,
  sprintId,
  actor,
});

describe('PlanItem', () => {
  it('plans a ready story into a planned or an active sprint', () => {
    expect(decidePlanning(plan(), item(createdItem()), plannedSprint)).toEqual([planned()]);
    expect(decidePlanning(plan(), item(createdItem()), activeSprint)).toEqual([planned()]);
    expect(item(createdItem(), planned())).toMatchObject({ status: 'todo', sprintId });
  });

  it('plans tasks too, but not epics', () => {
    expect(decidePlanning(plan(), item(createdItem({ kind: 'task' })), plannedSprint)).toEqual([
      planned(),
    ]);
    const epic = () => decidePlanning(plan(), item(createdItem({ kind: 'epic' })), plannedSprint);
    expect(epic).toThrow(/is an epic, too big for a sprint/);
    expect(fieldOf(epic)).toBe('itemId');
  });

  it('enforces the Definition of Ready with its sentence, on the item', () => {
    const unready = () =>
      decidePlanning(
        plan(),
        item(createdItem({ acceptanceCriteria: [], estimate: null })),
        plannedSprint,
      );
    expect(unready).toThrow(
      '"Dark mode" is not ready: it needs acceptance criteria and an estimate.',
    );
    expect(fieldOf(unready)).toBe('itemId');
  });

  it('records nothing when the item is already in this sprint', () =>
    expect(decidePlanning(plan(), item(createdItem(), planned()), plannedSprint)).toEqual([]));

  it('refuses an item in another sprint, or accepted', () => {
    const elsewhere = () =>
      decidePlanning(plan(), item(createdItem(), planned(otherSprintId)), plannedSprint);
    expect(elsewhere).toThrow(/already in another sprint/);
    expect(fieldOf(elsewhere)).toBe('itemId');
    const done = item(
      createdItem(),
      planned(otherSprintId),
      {
        type: 'BacklogItemWorkStateChanged',
        data: { itemId, sprintId: otherSprintId, from: 'todo', to: 'done', by: teammate.id },
      },
      {
        type: 'BacklogItemAccepted',
        data: { itemId, sprintId: otherSprintId, points: 5, by: owner.id },
      },
    );
    expect(() => decidePlanning(plan(), done, plannedSprint)).toThrow(
      '"Dark mode" is already accepted.',
    );
  });

  it('plans an item carried back to the backlog again', () =>
    expect(
      decidePlanning(
        plan(),
        item(createdItem(), planned(otherSprintId), {
          type: 'BacklogItemUnplanned',
          data: { itemId, sprintId: otherSprintId, reason: 'carried_over', by: teammate.id },
        }),
        plannedSprint,
      ),
    ).toEqual([planned()]));

  it('refuses a completed sprint', () =>
    expect(() =>
      decidePlanning(
        plan(),
        item(createdItem()),
        sprint(sprintCreated(), sprintStarted, sprintCompleted),
      ),
    ).toThrow('Sprint "Sprint 12" is completed: plan the item into a planned or active sprint.'));

  it('answers 404s for an item or a sprint that does not exist', () => {
    expect(() => decidePlanning(plan(), initialBacklogItem(), plannedSprint)).toThrow(
      new AggregateNotFound('Backlog item', itemId),
    );
    expect(() => decidePlanning(plan(), item(createdItem()), sprint())).toThrow(
      new AggregateNotFound('Sprint', sprintId),
    );
  });

  it('is for teammates only', () =>
    expect(() => decidePlanning(plan(customer), item(createdItem()), plannedSprint)).toThrow(
      ActionForbidden,
    ));
});

describe('UnplanItem', () => {
  const unplan: PlanningCommand = { type: 'UnplanItem', itemId, sprintId, actor: teammate };

  it('takes an item out of its sprint, back to the backlog', () => {
    const events = decidePlanning(unplan, item(createdItem(), planned()), plannedSprint);
    expect(events).toEqual([
      {
        type: 'BacklogItemUnplanned',
        data: { itemId, sprintId, reason: 'removed', by: teammate.id },
      },
    ]);
    expect(item(createdItem(), planned(), ...events)).toMatchObject({
      status: 'backlog',
      sprintId: null,
    });
  });

  it('refuses an item that is not in this sprint', () => {
    const run = () =>
      decidePlanning(unplan, item(createdItem(), planned(otherSprintId)), plannedSprint);
    expect(run).toThrow('"Dark mode" is not in this sprint.');
    expect(fieldOf(run)).toBe('itemId');
  });

  it('answers 404 for a sprint that does not exist', () =>
    expect(() => decidePlanning(unplan, item(createdItem(), planned()), sprint())).toThrow(
      new AggregateNotFound('Sprint', sprintId),
    ));

  it('keeps an accepted item with its sprint', () =>
    expect(() =>
      decidePlanning(
        unplan,
        item(createdItem(), planned(), movedTo('done'), acceptedEvent),
        activeSprint,
      ),
    ).toThrow(/was accepted: it stays with the sprint/));
});

describe('ChangeWorkState', () => {
  const change = (to: string, actor = teammate): PlanningCommand => ({
    type: 'ChangeWorkState',
    itemId,
    to,
    actor,
  });

  it.each([
    ['todo', 'in_progress'],
    ['todo', 'done'],
    ['in_progress', 'in_review'],
    ['in_review', 'in_progress'],
    ['done', 'todo'],
  ] as const)('moves an item from %s to %s in an active sprint', (from, to) => {
    const state = item(createdItem(), planned(), ...(from === 'todo' ? [] : [movedTo(from)]));
    expect(decidePlanning(change(to), state, activeSprint)).toEqual([movedTo(to, from)]);
  });

  it('records nothing for a move to where it is', () =>
    expect(decidePlanning(change('todo'), item(createdItem(), planned()), activeSprint)).toEqual(
      [],
    ));

  it('needs the sprint to be under way', () => {
    expect(() =>
      decidePlanning(change('in_progress'), item(createdItem(), planned()), plannedSprint),
    ).toThrow('Sprint "Sprint 12" has not started: start it before working on its items.');
    expect(() =>
      decidePlanning(
        change('in_progress'),
        item(createdItem(), planned()),
        sprint(sprintCreated(), sprintStarted, sprintCompleted),
      ),
    ).toThrow('Sprint "Sprint 12" is completed.');
  });

  it('needs the item to be in that sprint', () => {
    expect(() => decidePlanning(change('in_progress'), item(createdItem()), activeSprint)).toThrow(
      '"Dark mode" is not in a sprint: plan it into one first.',
    );
    expect(() =>
      decidePlanning(
        change('in_progress'),
        item(createdItem(), planned(otherSprintId)),
        activeSprint,
      ),
    ).toThrow(/not in a sprint/);
  });

  it('leaves accepted items alone', () =>
    expect(() =>
      decidePlanning(
        change('in_progress'),
        item(createdItem(), planned(), movedTo('done'), acceptedEvent),
        activeSprint,
      ),
    ).toThrow('"Dark mode" is accepted: its work is over.'));

  it('refuses an unknown work state, naming it', () =>
    expect(
      fieldOf(() =>
        decidePlanning(change('blocked'), item(createdItem(), planned()), activeSprint),
      ),
    ).toBe('to'));

  it('is for teammates only', () =>
    expect(() =>
      decidePlanning(change('done', customer), item(createdItem(), planned()), activeSprint),
    ).toThrow(ActionForbidden));
});

describe('AcceptItem and RejectItem', () => {
  const accept = (actor = owner): PlanningCommand => ({ type: 'AcceptItem', itemId, actor });
  const reject = (reason?: string): PlanningCommand => ({
    type: 'RejectItem',
    itemId,
    reason,
    actor: owner,
  });
  const done = (...more: BacklogItemEvent[]) =>
    item(createdItem(), planned(), movedTo('done'), ...more);

  it('accepts a done item whose criteria are all met, for its estimate', () => {
    const events = decidePlanning(
      accept(),
      done(checked(criterionA), checked(criterionB)),
      activeSprint,
    );
    expect(events).toEqual([acceptedEvent]);
    expect(item(createdItem(), planned(), movedTo('done'), ...events)).toMatchObject({
      status: 'accepted',
      sprintId,
    });
  });

  it('lists the criteria that are not met', () => {
    const run = () => decidePlanning(accept(), done(checked(criterionA)), activeSprint);
    expect(run).toThrow(
      '"Dark mode" cannot be accepted until every acceptance criterion is met. Not met: given dark mode, when they reload, then it stays dark.',
    );
    expect(fieldOf(run)).toBe('acceptanceCriteria');
    expect(() => decidePlanning(accept(), done(), activeSprint)).toThrow(
      /Not met: given a signed-in user, when they pick dark, then it is dark; given dark mode/,
    );
  });

  it('needs criteria and an estimate to accept against', () => {
    const noCriteria = done({
      type: 'AcceptanceCriteriaChanged',
      data: { itemId, criteria: [], by: owner.id },
    });
    expect(() => decidePlanning(accept(), noCriteria, activeSprint)).toThrow(
      /has no acceptance criteria/,
    );
    const unestimated = done(checked(criterionA), checked(criterionB), {
      type: 'BacklogItemEdited',
      data: { itemId, estimate: null, by: owner.id },
    });
    expect(fieldOf(() => decidePlanning(accept(), unestimated, activeSprint))).toBe('estimate');
  });

  it('judges only done items', () => {
    expect(() =>
      decidePlanning(accept(), item(createdItem(), planned(), movedTo('in_review')), activeSprint),
    ).toThrow('"Dark mode" is not done yet: only done items can be accepted.');
    expect(() => decidePlanning(reject('Looks wrong'), item(createdItem()), activeSprint)).toThrow(
      '"Dark mode" is not done yet: only done items can be rejected.',
    );
  });

  it('records nothing when accepting twice', () =>
    expect(
      decidePlanning(
        accept(),
        done(checked(criterionA), checked(criterionB), acceptedEvent),
        activeSprint,
      ),
    ).toEqual([]));

  it('rejects a done item with a reason, back to in progress', () => {
    const events = decidePlanning(
      reject('  The toggle is hidden on mobile. '),
      done(),
      activeSprint,
    );
    expect(events).toEqual([
      {
        type: 'BacklogItemRejected',
        data: { itemId, sprintId, reason: 'The toggle is hidden on mobile.', by: owner.id },
      },
    ]);
    expect(item(createdItem(), planned(), movedTo('done'), ...events)).toMatchObject({
      status: 'in_progress',
    });
  });

  it('needs a reason to reject', () => {
    for (const reason of [undefined, '', '  ']) {
      const run = () => decidePlanning(reject(reason), done(), activeSprint);
      expect(run).toThrow('Say why the item is not accepted.');
      expect(fieldOf(run)).toBe('reason');
    }
  });

  it('is for teammates only', () =>
    expect(() => decidePlanning(accept(customer), done(), activeSprint)).toThrow(ActionForbidden));
});

describe('CarryOver', () => {
  const carry = (to: string | null) =>
    ({ type: 'CarryOver', itemId, sprintId, to, actor: teammate }) as const;
  const unplanned: BacklogItemEvent = {
    type: 'BacklogItemUnplanned',
    data: { itemId, sprintId, reason: 'carried_over', by: teammate.id },
  };

  it('sends an unfinished item back to the backlog', () => {
    const events = decideCarryOver(
      carry(null),
      item(createdItem(), planned(), movedTo('in_review')),
    );
    expect(events).toEqual([unplanned]);
  });

  it('or into the next sprint, where it starts again from to do', () => {
    const events = decideCarryOver(
      carry(otherSprintId),
      item(createdItem(), planned(), movedTo('done')),
    );
    expect(events).toEqual([unplanned, planned(otherSprintId)]);
    expect(item(createdItem(), planned(), movedTo('done'), ...events)).toMatchObject({
      status: 'todo',
      sprintId: otherSprintId,
    });
  });

  it('leaves alone items that are accepted, elsewhere or missing', () => {
    expect(
      decideCarryOver(carry(null), item(createdItem(), planned(), movedTo('done'), acceptedEvent)),
    ).toEqual([]);
    expect(decideCarryOver(carry(null), item(createdItem(), planned(otherSprintId)))).toEqual([]);
    expect(decideCarryOver(carry(null), initialBacklogItem())).toEqual([]);
  });

  it('is for teammates only', () =>
    expect(() =>
      decideCarryOver({ ...carry(null), actor: customer }, item(createdItem(), planned())),
    ).toThrow(ActionForbidden));
});
