import type { Actor } from '../shared/actor';
import { ActionForbidden, AggregateNotFound, DomainRuleViolation } from '../shared/errors';
import { fold } from '../shared/decider';
import { deciderSpec } from '../testing/decider-spec';
import { evolveBacklogItem, initialBacklogItem, type BacklogItem } from '../backlog/backlog-item';
import type { BacklogItemEvent } from '../backlog/backlog.events';
import { sprintDecider, type CompleteSprint, type CreateSprint } from './sprint.decider';
import { capacityWarning } from './sprint';
import { sprintStreamId, type SprintEvent } from './sprint.events';

const spec = deciderSpec(sprintDecider);
const sprintId = '5f1d2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b';
const nextSprintId = '6a2e3d4c-5b6a-4f70-9b8c-0d1e2f3a4b5c';
const teammate: Actor = { id: 'user-teammate', role: 'teammate' };
const customer: Actor = { id: 'user-customer', role: 'customer' };

const created = (over: Partial<Extract<SprintEvent, { type: 'SprintCreated' }>['data']> = {}) =>
  ({
    type: 'SprintCreated',
    data: {
      sprintId,
      name: 'Sprint 12',
      goal: 'Ship dark mode',
      startDate: '2027-01-04',
      endDate: '2027-01-15',
      capacity: 30,
      by: teammate.id,
      ...over,
    },
  }) as const satisfies SprintEvent;
const started: SprintEvent = { type: 'SprintStarted', data: { sprintId, by: teammate.id } };
const completedEvent: SprintEvent = {
  type: 'SprintCompleted',
  data: { sprintId, acceptedItemIds: [], carriedOver: [], by: teammate.id },
};

const create = (over: Partial<CreateSprint> = {}): CreateSprint => ({
  type: 'CreateSprint',
  sprintId,
  name: ' Sprint 12 ',
  goal: 'Ship dark mode',
  startDate: '2027-01-04',
  endDate: '2027-01-15',
  capacity: 30,
  actor: teammate,
  ...over,
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
const decide = (events: SprintEvent[], command: Parameters<typeof sprintDecider.decide>[0]) => () =>
  sprintDecider.decide(command, fold(sprintDecider, events));

describe('CreateSprint', () => {
  it('creates a planned sprint with a trimmed name', () =>
    spec.given([]).when(create()).then([created()]));

  it('defaults the goal to nothing', () =>
    spec
      .given([])
      .when(create({ goal: undefined }))
      .then([created({ goal: '' })]));

  it('folds into a planned sprint', () =>
    expect(fold(sprintDecider, [created()])).toEqual({
      exists: true,
      sprintId,
      name: 'Sprint 12',
      goal: 'Ship dark mode',
      startDate: '2027-01-04',
      endDate: '2027-01-15',
      capacity: 30,
      state: 'planned',
    }));

  it('needs the end after the start', () => {
    const sameDay = decide([], create({ endDate: '2027-01-04' }));
    expect(sameDay).toThrow('A sprint must end after it starts.');
    expect(fieldOf(sameDay)).toBe('endDate');
    expect(fieldOf(decide([], create({ endDate: '2026-12-31' })))).toBe('endDate');
  });

  it.each([
    ['name', { name: '  ' }],
    ['startDate', { startDate: '4 January' }],
    ['endDate', { endDate: '2027-02-30' }],
    ['capacity', { capacity: -1 }],
    ['goal', { goal: 'x'.repeat(1001) }],
  ])('refuses an invalid %s, naming it', (field, over) =>
    expect(fieldOf(decide([], create(over)))).toBe(field),
  );

  it('takes a capacity of zero', () =>
    spec
      .given([])
      .when(create({ capacity: 0 }))
      .then([created({ capacity: 0 })]));

  it('is for teammates only', () =>
    spec
      .given([])
      .when(create({ actor: customer }))
      .thenThrows(ActionForbidden));

  it('cannot create the same sprint twice', () =>
    spec
      .given([created()])
      .when(create())
      .thenThrows(DomainRuleViolation, /already exists/));
});

describe('EditSprint', () => {
  const edit = (
    over: Partial<Extract<Parameters<typeof sprintDecider.decide>[0], { type: 'EditSprint' }>>,
  ) => ({ type: 'EditSprint', sprintId, actor: teammate, ...over }) as const;

  it('records only the fields that change', () =>
    spec
      .given([created()])
      .when(edit({ name: 'Sprint 12', capacity: 34, goal: 'Ship dark mode' }))
      .then([{ type: 'SprintEdited', data: { sprintId, capacity: 34, by: teammate.id } }]));

  it('records nothing when nothing changes', () =>
    spec
      .given([created()])
      .when(edit({ name: 'Sprint 12' }))
      .thenNothingHappens());

  it('keeps the end after the start, against the dates it keeps', () => {
    const run = decide([created()], edit({ startDate: '2027-01-20' }));
    expect(run).toThrow('A sprint must end after it starts.');
    expect(fieldOf(run)).toBe('endDate');
    spec
      .given([created()])
      .when(edit({ startDate: '2027-01-20', endDate: '2027-01-31' }))
      .then([
        {
          type: 'SprintEdited',
          data: { sprintId, startDate: '2027-01-20', endDate: '2027-01-31', by: teammate.id },
        },
      ]);
  });

  it('folds the changes in', () =>
    expect(
      fold(sprintDecider, [
        created(),
        { type: 'SprintEdited', data: { sprintId, name: 'Sprint 13', by: teammate.id } },
      ]),
    ).toMatchObject({ name: 'Sprint 13', capacity: 30, goal: 'Ship dark mode' }));

  it('may change an active sprint, not a completed one', () => {
    spec
      .given([created(), started])
      .when(edit({ capacity: 28 }))
      .then([{ type: 'SprintEdited', data: { sprintId, capacity: 28, by: teammate.id } }]);
    spec
      .given([created(), started, completedEvent])
      .when(edit({ capacity: 28 }))
      .thenThrows(DomainRuleViolation, 'Sprint "Sprint 12" is completed and can no longer change.');
  });

  it('refuses a sprint that does not exist, and customers', () => {
    spec
      .given([])
      .when(edit({ name: 'x' }))
      .thenThrows(AggregateNotFound);
    spec
      .given([created()])
      .when(edit({ name: 'x', actor: customer }))
      .thenThrows(ActionForbidden);
  });
});

describe('StartSprint', () => {
  const start = (actor: Actor = teammate) => ({ type: 'StartSprint', sprintId, actor }) as const;

  it('starts a planned sprint', () => {
    spec.given([created()]).when(start()).then([started]);
    expect(fold(sprintDecider, [created(), started])).toMatchObject({ state: 'active' });
  });

  it('starts a sprint once', () => {
    spec
      .given([created(), started])
      .when(start())
      .thenThrows(DomainRuleViolation, 'Sprint "Sprint 12" has already started.');
    spec
      .given([created(), started, completedEvent])
      .when(start())
      .thenThrows(DomainRuleViolation, /is completed/);
  });

  it('refuses a sprint that does not exist, and customers', () => {
    spec.given([]).when(start()).thenThrows(AggregateNotFound);
    spec.given([created()]).when(start(customer)).thenThrows(ActionForbidden);
  });
});

describe('CompleteSprint', () => {
  const ids = {
    accepted: '0b1c2d3e-0000-4000-8000-000000000001',
    released: '0b1c2d3e-0000-4000-8000-000000000002',
    done: '0b1c2d3e-0000-4000-8000-000000000003',
    todo: '0b1c2d3e-0000-4000-8000-000000000004',
    elsewhere: '0b1c2d3e-0000-4000-8000-000000000005',
  };
  const item = (itemId: string, ...after: BacklogItemEvent[]): BacklogItem =>
    [
      {
        type: 'BacklogItemCreated',
        data: {
          itemId,
          kind: 'story',
          parentId: null,
          title: `Story ${itemId.slice(-1)}`,
          description: '',
          acceptanceCriteria: [],
          estimate: 3,
          labels: [],
          ownerId: null,
          rank: 'a0',
          createdBy: teammate.id,
        },
      } satisfies BacklogItemEvent,
      ...after,
    ].reduce(evolveBacklogItem, initialBacklogItem());
  const planned = (itemId: string, into = sprintId): BacklogItemEvent => ({
    type: 'BacklogItemPlanned',
    data: { itemId, sprintId: into, by: teammate.id },
  });
  const moved = (itemId: string, to: 'in_progress' | 'done'): BacklogItemEvent => ({
    type: 'BacklogItemWorkStateChanged',
    data: { itemId, sprintId, from: 'todo', to, by: teammate.id },
  });
  const acceptedEvent = (itemId: string): BacklogItemEvent => ({
    type: 'BacklogItemAccepted',
    data: { itemId, sprintId, points: 3, by: teammate.id },
  });
  const items = [
    item(
      ids.accepted,
      planned(ids.accepted),
      moved(ids.accepted, 'done'),
      acceptedEvent(ids.accepted),
    ),
    item(ids.released, planned(ids.released), acceptedEvent(ids.released), {
      type: 'BacklogItemReleased',
      data: { itemId: ids.released, releaseId: nextSprintId, by: teammate.id },
    }),
    item(ids.done, planned(ids.done), moved(ids.done, 'done')),
    item(ids.todo, planned(ids.todo)),
    item(ids.elsewhere, planned(ids.elsewhere, nextSprintId)),
    initialBacklogItem(),
  ];
  const nextSprint = fold(sprintDecider, [created({ sprintId: nextSprintId, name: 'Sprint 13' })]);
  const complete = (over: Partial<CompleteSprint> = {}): CompleteSprint => ({
    type: 'CompleteSprint',
    sprintId,
    items,
    carryOverTo: null,
    actor: teammate,
    ...over,
  });
  const completed = (to: string | null): SprintEvent => ({
    type: 'SprintCompleted',
    data: {
      sprintId,
      acceptedItemIds: [ids.accepted, ids.released],
      carriedOver: [
        { itemId: ids.done, to },
        { itemId: ids.todo, to },
      ],
      by: teammate.id,
    },
  });

  it('keeps accepted items and sends the unfinished ones back to the backlog', () =>
    spec
      .given([created(), started])
      .when(complete())
      .then([completed(null)]));

  it('carries the unfinished items into the next sprint', () =>
    spec
      .given([created(), started])
      .when(complete({ carryOverTo: { sprintId: nextSprintId, sprint: nextSprint } }))
      .then([completed(nextSprintId)]));

  it('completes an empty sprint', () =>
    spec
      .given([created(), started])
      .when(complete({ items: [] }))
      .then([
        {
          type: 'SprintCompleted',
          data: { sprintId, acceptedItemIds: [], carriedOver: [], by: teammate.id },
        },
      ]));

  it('folds into a completed sprint', () =>
    expect(fold(sprintDecider, [created(), started, completed(null)])).toMatchObject({
      state: 'completed',
    }));

  it('completes only an active sprint', () => {
    spec
      .given([created()])
      .when(complete())
      .thenThrows(DomainRuleViolation, 'Sprint "Sprint 12" has not started yet.');
    spec
      .given([created(), started, completed(null)])
      .when(complete())
      .thenThrows(DomainRuleViolation, 'Sprint "Sprint 12" is already completed.');
  });

  it('carries over only into another sprint that exists and is not completed', () => {
    const into = (sprint: CompleteSprint['carryOverTo']) =>
      decide([created(), started], complete({ carryOverTo: sprint }));
    const itself = into({ sprintId, sprint: fold(sprintDecider, [created(), started]) });
    expect(itself).toThrow(/another sprint/);
    expect(fieldOf(itself)).toBe('carryOverTo');
    const missing = into({ sprintId: nextSprintId, sprint: { exists: false } });
    expect(missing).toThrow(`There is no sprint ${nextSprintId}`);
    expect(fieldOf(missing)).toBe('carryOverTo');
    const done = fold(sprintDecider, [
      created({ sprintId: nextSprintId, name: 'Sprint 13' }),
      { type: 'SprintStarted', data: { sprintId: nextSprintId, by: teammate.id } },
      {
        type: 'SprintCompleted',
        data: { sprintId: nextSprintId, acceptedItemIds: [], carriedOver: [], by: teammate.id },
      },
    ]);
    const closed = into({ sprintId: nextSprintId, sprint: done });
    expect(closed).toThrow('Sprint "Sprint 13" is completed');
    expect(fieldOf(closed)).toBe('carryOverTo');
  });

  it('refuses a sprint that does not exist, and customers', () => {
    spec.given([]).when(complete()).thenThrows(AggregateNotFound);
    spec
      .given([created(), started])
      .when(complete({ actor: customer }))
      .thenThrows(ActionForbidden);
  });
});

describe('evolveSprint', () => {
  it('ignores events of a sprint it never saw', () =>
    expect(fold(sprintDecider, [started])).toEqual({ exists: false }));

  it('lives in one stream per sprint', () =>
    expect(sprintStreamId(sprintId)).toBe(`sprint-${sprintId}`));
});

describe('capacityWarning', () => {
  it('warns only past the capacity', () => {
    expect(capacityWarning(34, 30)).toBe('Planned 34 points against a capacity of 30.');
    expect(capacityWarning(1, 0)).toBe('Planned 1 point against a capacity of 0.');
    expect(capacityWarning(30, 30)).toBeNull();
    expect(capacityWarning(0, 0)).toBeNull();
  });
});
