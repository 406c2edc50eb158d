import type { Actor } from '../shared/actor';
import { fold } from '../shared/decider';
import { ActionForbidden, DomainRuleViolation } from '../shared/errors';
import { deciderSpec } from '../testing/decider-spec';
import { feedbackDecider } from '../feedback/feedback.decider';
import type { FeedbackEvent } from '../feedback/feedback.events';
import { defaultStatuses } from '../feedback/feedback-workflow';
import { defaultBoard, findStatus, initialCatalog } from './catalog';
import { catalogDecider, catalogStreamId, type CatalogCommand } from './catalog.decider';
import type { CatalogEvent } from './catalog.events';

const spec = deciderSpec(catalogDecider);
const teammate: Actor = { id: 'user-teammate', role: 'teammate' };
const admin: Actor = { id: 'user-admin', role: 'admin' };
const customer: Actor = { id: 'user-customer', role: 'customer' };

type Without<C> = C extends unknown ? Omit<C, 'actor'> : never;
const as =
  (actor: Actor) =>
  (command: Without<CatalogCommand>): CatalogCommand => ({ ...command, actor });
const staff = as(teammate);

/** The field a rule violation names. */
const fieldOf = (events: CatalogEvent[], command: CatalogCommand): string | undefined => {
  try {
    catalogDecider.decide(command, fold(catalogDecider, events));
  } catch (error) {
    if (error instanceof DomainRuleViolation) return error.field;
    throw error;
  }
  throw new Error('expected a rule violation');
};

const roadmap: CatalogEvent = {
  type: 'BoardCreated',
  data: { boardId: 'roadmap', name: 'Roadmap', visibility: 'public', requiresApproval: false },
};
const ux: CatalogEvent = {
  type: 'TagCreated',
  data: { tagId: 'ux', name: 'UX', colour: '#ff00aa' },
};
const shipped: CatalogEvent = {
  type: 'StatusCreated',
  data: { statusId: 'shipped', name: 'Shipped', colour: '#22c55e', kind: 'done' },
};

describe('the initial catalog', () => {
  it('has the General board, no tags and the default workflow, without any events', () => {
    expect(catalogDecider.initialState()).toEqual({
      boards: [defaultBoard],
      tags: [],
      statuses: defaultStatuses,
    });
  });

  it('is a fresh copy each time, so folding never changes the defaults', () => {
    const catalog = initialCatalog();
    catalog.statuses[0]!.transitions.push('done');
    expect(initialCatalog().statuses[0]!.transitions).toEqual([
      'under_review',
      'planned',
      'declined',
    ]);
    expect(defaultStatuses[0]!.transitions).toEqual(['under_review', 'planned', 'declined']);
  });

  it('lives in one stream per workspace', () =>
    expect(catalogStreamId('ws-1')).toBe('catalog-ws-1'));
});

describe('only teammates change the catalog', () => {
  it.each<Without<CatalogCommand>>([
    { type: 'CreateBoard', boardId: 'roadmap', name: 'Roadmap' },
    { type: 'UpdateBoard', boardId: 'general', name: 'Main' },
    { type: 'CreateTag', tagId: 'ux', name: 'UX', colour: '#ff00aa' },
    { type: 'UpdateTag', tagId: 'ux', name: 'Design' },
    { type: 'DeleteTag', tagId: 'ux' },
    { type: 'CreateStatus', statusId: 'shipped', name: 'Shipped', colour: '#22c55e', kind: 'done' },
    { type: 'UpdateStatus', statusId: 'open', name: 'New' },
    { type: 'SetStatusTransitions', statusId: 'open', transitions: ['planned'] },
  ])('a customer may not $type', (command) =>
    spec.given([ux]).when(as(customer)(command)).thenThrows(ActionForbidden),
  );

  it('admins may', () =>
    spec
      .given([])
      .when(as(admin)({ type: 'CreateTag', tagId: 'ux', name: 'UX', colour: '#ff00aa' }))
      .then([ux]));
});

describe('boards', () => {
  it('creates a public board without approval by default, with a trimmed name', () =>
    spec
      .given([])
      .when(staff({ type: 'CreateBoard', boardId: 'roadmap', name: '  Roadmap ' }))
      .then([roadmap]));

  it('creates a private board that requires approval', () =>
    spec
      .given([])
      .when(
        staff({
          type: 'CreateBoard',
          boardId: 'beta',
          name: 'Beta',
          visibility: 'private',
          requiresApproval: true,
        }),
      )
      .then([
        {
          type: 'BoardCreated',
          data: { boardId: 'beta', name: 'Beta', visibility: 'private', requiresApproval: true },
        },
      ]));

  it('refuses a duplicate id, including the General board’s', () => {
    spec
      .given([roadmap])
      .when(staff({ type: 'CreateBoard', boardId: 'roadmap', name: 'Again' }))
      .thenThrows(DomainRuleViolation, 'A board with id "roadmap" already exists.');
    spec
      .given([])
      .when(staff({ type: 'CreateBoard', boardId: 'general', name: 'General 2' }))
      .thenThrows(DomainRuleViolation, /already exists/);
    expect(fieldOf([roadmap], staff({ type: 'CreateBoard', boardId: 'roadmap', name: 'x' }))).toBe(
      'boardId',
    );
  });

  it.each([
    [{ boardId: 'Road Map', name: 'Roadmap' }, 'boardId', /Board id must be/],
    [{ boardId: 'roadmap', name: '   ' }, 'name', /Board name must not be empty/],
    [{ boardId: 'roadmap', name: 'x'.repeat(61) }, 'name', /at most 60/],
    [{ boardId: 'roadmap', name: 'Roadmap', visibility: 'secret' as 'public' }, 'visibility', /./],
  ])('refuses %j, naming %s', (input, field, message) => {
    const command = staff({ type: 'CreateBoard', ...input });
    spec.given([]).when(command).thenThrows(DomainRuleViolation, message);
    expect(fieldOf([], command)).toBe(field);
  });

  it('updates only the fields that change', () =>
    spec
      .given([roadmap])
      .when(
        staff({
          type: 'UpdateBoard',
          boardId: 'roadmap',
          name: 'Roadmap',
          visibility: 'private',
          requiresApproval: false,
        }),
      )
      .then([{ type: 'BoardUpdated', data: { boardId: 'roadmap', visibility: 'private' } }]));

  it('updates the General board, which exists without events', () =>
    spec
      .given([])
      .when(staff({ type: 'UpdateBoard', boardId: 'general', requiresApproval: true }))
      .then([{ type: 'BoardUpdated', data: { boardId: 'general', requiresApproval: true } }]));

  it('records nothing for an update that changes nothing', () => {
    spec
      .given([roadmap])
      .when(
        staff({ type: 'UpdateBoard', boardId: 'roadmap', name: ' Roadmap ', visibility: 'public' }),
      )
      .thenNothingHappens();
    spec
      .given([roadmap])
      .when(staff({ type: 'UpdateBoard', boardId: 'roadmap' }))
      .thenNothingHappens();
  });

  it('refuses to update a board that does not exist', () =>
    spec
      .given([])
      .when(staff({ type: 'UpdateBoard', boardId: 'roadmap', name: 'x' }))
      .thenThrows(DomainRuleViolation, 'There is no board "roadmap".'));

  it('folds updates into the board', () =>
    expect(
      fold(catalogDecider, [
        roadmap,
        {
          type: 'BoardUpdated',
          data: { boardId: 'roadmap', name: 'Road map', requiresApproval: true },
        },
      ]).boards,
    ).toEqual([
      defaultBoard,
      {
        id: 'roadmap',
        name: 'Road map',
        visibility: 'public',
        requiresApproval: true,
        categories: [],
      },
    ]));
});

describe('categories', () => {
  const reporting: CatalogEvent = {
    type: 'CategoryCreated',
    data: { boardId: 'roadmap', categoryId: 'reporting', name: 'Reporting' },
  };

  it('adds a category to a board', () =>
    spec
      .given([roadmap])
      .when(
        staff({
          type: 'CreateCategory',
          boardId: 'roadmap',
          categoryId: 'reporting',
          name: ' Reporting ',
        }),
      )
      .then([reporting]));

  it('refuses a category on a board that does not exist, or twice on one board', () => {
    expect(
      fieldOf([], staff({ type: 'CreateCategory', boardId: 'nope', categoryId: 'x', name: 'X' })),
    ).toBe('boardId');
    expect(
      fieldOf(
        [roadmap, reporting],
        staff({ type: 'CreateCategory', boardId: 'roadmap', categoryId: 'reporting', name: 'R' }),
      ),
    ).toBe('categoryId');
  });

  it('renames a category, and renaming to the same name records nothing', () => {
    spec
      .given([roadmap, reporting])
      .when(
        staff({
          type: 'RenameCategory',
          boardId: 'roadmap',
          categoryId: 'reporting',
          name: 'Reports',
        }),
      )
      .then([
        {
          type: 'CategoryRenamed',
          data: { boardId: 'roadmap', categoryId: 'reporting', name: 'Reports' },
        },
      ]);
    spec
      .given([roadmap, reporting])
      .when(
        staff({
          type: 'RenameCategory',
          boardId: 'roadmap',
          categoryId: 'reporting',
          name: 'Reporting',
        }),
      )
      .thenNothingHappens();
    expect(
      fieldOf(
        [roadmap],
        staff({ type: 'RenameCategory', boardId: 'roadmap', categoryId: 'ghost', name: 'G' }),
      ),
    ).toBe('categoryId');
  });

  it('folds categories into their board', () => {
    const catalog = fold(catalogDecider, [
      roadmap,
      reporting,
      {
        type: 'CategoryRenamed',
        data: { boardId: 'roadmap', categoryId: 'reporting', name: 'Reports' },
      },
    ]);
    expect(catalog.boards.find((b) => b.id === 'roadmap')?.categories).toEqual([
      { id: 'reporting', name: 'Reports' },
    ]);
  });
});

describe('tags', () => {
  it('creates a tag', () =>
    spec
      .given([])
      .when(staff({ type: 'CreateTag', tagId: 'ux', name: ' UX ', colour: '#ff00aa' }))
      .then([ux]));

  it('refuses a duplicate id', () =>
    spec
      .given([ux])
      .when(staff({ type: 'CreateTag', tagId: 'ux', name: 'Design', colour: '#000000' }))
      .thenThrows(DomainRuleViolation, 'A tag with id "ux" already exists.'));

  it.each([
    [{ tagId: 'U X', name: 'UX', colour: '#ff00aa' }, 'tagId'],
    [{ tagId: 'ux', name: '', colour: '#ff00aa' }, 'name'],
    [{ tagId: 'ux', name: 'UX', colour: 'pink' }, 'colour'],
    [{ tagId: 'ux', name: 'UX', colour: '#fff' }, 'colour'],
  ])('refuses %j, naming %s', (input, field) =>
    expect(fieldOf([], staff({ type: 'CreateTag', ...input }))).toBe(field),
  );

  it('updates only the fields that change', () =>
    spec
      .given([ux])
      .when(staff({ type: 'UpdateTag', tagId: 'ux', name: 'UX', colour: '#00FF00' }))
      .then([{ type: 'TagUpdated', data: { tagId: 'ux', colour: '#00FF00' } }]));

  it('records nothing for an update that changes nothing', () =>
    spec
      .given([ux])
      .when(staff({ type: 'UpdateTag', tagId: 'ux', name: 'UX', colour: '#ff00aa' }))
      .thenNothingHappens());

  it('refuses to update a tag that does not exist', () =>
    spec
      .given([])
      .when(staff({ type: 'UpdateTag', tagId: 'ux', name: 'UX' }))
      .thenThrows(DomainRuleViolation, 'There is no tag "ux".'));

  it('deletes a tag', () =>
    spec
      .given([ux])
      .when(staff({ type: 'DeleteTag', tagId: 'ux' }))
      .then([{ type: 'TagDeleted', data: { tagId: 'ux' } }]));

  it('records nothing when deleting a tag that is not there', () => {
    spec
      .given([])
      .when(staff({ type: 'DeleteTag', tagId: 'ux' }))
      .thenNothingHappens();
    spec
      .given([ux, { type: 'TagDeleted', data: { tagId: 'ux' } }])
      .when(staff({ type: 'DeleteTag', tagId: 'ux' }))
      .thenNothingHappens();
  });

  it('may create a tag again with the id of a deleted one', () =>
    spec
      .given([ux, { type: 'TagDeleted', data: { tagId: 'ux' } }])
      .when(staff({ type: 'CreateTag', tagId: 'ux', name: 'UX', colour: '#ff00aa' }))
      .then([ux]));

  it('folds tags', () =>
    expect(
      fold(catalogDecider, [
        ux,
        { type: 'TagCreated', data: { tagId: 'billing', name: 'Billing', colour: '#00aaff' } },
        { type: 'TagUpdated', data: { tagId: 'ux', name: 'Design' } },
        { type: 'TagDeleted', data: { tagId: 'billing' } },
      ]).tags,
    ).toEqual([{ id: 'ux', name: 'Design', colour: '#ff00aa' }]));
});

describe('statuses', () => {
  it('creates a status with no transitions yet', () => {
    spec
      .given([])
      .when(
        staff({
          type: 'CreateStatus',
          statusId: 'shipped',
          name: 'Shipped ',
          colour: '#22c55e',
          kind: 'done',
        }),
      )
      .then([shipped]);
    expect(findStatus(fold(catalogDecider, [shipped]), 'shipped')).toEqual({
      id: 'shipped',
      name: 'Shipped',
      colour: '#22c55e',
      kind: 'done',
      transitions: [],
    });
  });

  it('refuses a duplicate id, including a default status’s', () => {
    spec
      .given([shipped])
      .when(
        staff({
          type: 'CreateStatus',
          statusId: 'shipped',
          name: 'x',
          colour: '#000000',
          kind: 'done',
        }),
      )
      .thenThrows(DomainRuleViolation, 'A status with id "shipped" already exists.');
    spec
      .given([])
      .when(
        staff({
          type: 'CreateStatus',
          statusId: 'done',
          name: 'x',
          colour: '#000000',
          kind: 'done',
        }),
      )
      .thenThrows(DomainRuleViolation, /already exists/);
  });

  it.each([
    [
      { statusId: 'Shipped!', name: 'Shipped', colour: '#22c55e', kind: 'done' as const },
      'statusId',
    ],
    [{ statusId: 'shipped', name: ' ', colour: '#22c55e', kind: 'done' as const }, 'name'],
    [{ statusId: 'shipped', name: 'Shipped', colour: 'green', kind: 'done' as const }, 'colour'],
    [
      { statusId: 'shipped', name: 'Shipped', colour: '#22c55e', kind: 'finished' as 'done' },
      'kind',
    ],
  ])('refuses %j, naming %s', (input, field) =>
    expect(fieldOf([], staff({ type: 'CreateStatus', ...input }))).toBe(field),
  );

  it('renames a status: only its name changes, its id stays', () =>
    spec
      .given([])
      .when(
        staff({ type: 'UpdateStatus', statusId: 'planned', name: 'Next up', colour: '#2563eb' }),
      )
      .then([{ type: 'StatusUpdated', data: { statusId: 'planned', name: 'Next up' } }]));

  it('a rename never touches the history of feedback in that status', () => {
    const feedbackId = '7b0c3c52-1c7a-4c53-9a4b-1f3e2b7b9f10';
    const history: FeedbackEvent[] = [
      {
        type: 'FeedbackSubmitted',
        data: {
          feedbackId,
          title: 'Dark mode',
          description: '',
          boardId: 'general',
          authorId: customer.id,
          statusId: 'open',
          moderation: 'approved',
          source: 'app',
          capturedBy: null,
          quote: null,
        },
      },
      {
        type: 'FeedbackStatusChanged',
        data: { feedbackId, from: 'open', to: 'planned', toKind: 'active', changedBy: teammate.id },
      },
    ];
    const before = fold(feedbackDecider, history);
    const rename = catalogDecider.decide(
      staff({ type: 'UpdateStatus', statusId: 'planned', name: 'Next up' }),
      initialCatalog(),
    );
    const renamed = fold(catalogDecider, rename);
    expect(fold(feedbackDecider, history)).toEqual(before);
    expect(before).toMatchObject({ status: 'planned', statusKind: 'active' });
    expect(findStatus(renamed, 'planned')).toMatchObject({
      id: 'planned',
      name: 'Next up',
      kind: 'active',
      transitions: ['under_review', 'in_progress', 'declined'],
    });
    // Other statuses still point at it by id.
    expect(findStatus(renamed, 'open')?.transitions).toContain('planned');
  });

  it('records nothing for an update that changes nothing', () =>
    spec
      .given([])
      .when(staff({ type: 'UpdateStatus', statusId: 'planned', name: 'Planned' }))
      .thenNothingHappens());

  it('refuses to update a status that does not exist', () =>
    spec
      .given([])
      .when(staff({ type: 'UpdateStatus', statusId: 'shipped', name: 'x' }))
      .thenThrows(DomainRuleViolation, 'There is no status "shipped".'));

  it('validates a new name and colour', () => {
    expect(fieldOf([], staff({ type: 'UpdateStatus', statusId: 'open', name: '' }))).toBe('name');
    expect(fieldOf([], staff({ type: 'UpdateStatus', statusId: 'open', colour: 'red' }))).toBe(
      'colour',
    );
  });

  describe('transitions', () => {
    it('sets where a status may move to, without duplicates', () => {
      spec
        .given([shipped])
        .when(
          staff({
            type: 'SetStatusTransitions',
            statusId: 'in_progress',
            transitions: ['shipped', 'declined', 'shipped'],
          }),
        )
        .then([
          {
            type: 'StatusTransitionsSet',
            data: { statusId: 'in_progress', transitions: ['shipped', 'declined'] },
          },
        ]);
    });

    it('folds the new transitions into the status', () =>
      expect(
        findStatus(
          fold(catalogDecider, [
            shipped,
            {
              type: 'StatusTransitionsSet',
              data: { statusId: 'in_progress', transitions: ['shipped'] },
            },
          ]),
          'in_progress',
        )?.transitions,
      ).toEqual(['shipped']));

    it('may leave a status with nowhere to go', () =>
      spec
        .given([])
        .when(staff({ type: 'SetStatusTransitions', statusId: 'declined', transitions: [] }))
        .then([{ type: 'StatusTransitionsSet', data: { statusId: 'declined', transitions: [] } }]));

    it('refuses a target the workflow does not have', () => {
      const command = staff({
        type: 'SetStatusTransitions',
        statusId: 'open',
        transitions: ['planned', 'shipped'],
      });
      spec
        .given([])
        .when(command)
        .thenThrows(DomainRuleViolation, 'There is no status "shipped" to move to.');
      expect(fieldOf([], command)).toBe('transitions');
    });

    it('refuses a status moving to itself', () => {
      const command = staff({
        type: 'SetStatusTransitions',
        statusId: 'open',
        transitions: ['planned', 'open'],
      });
      spec
        .given([])
        .when(command)
        .thenThrows(DomainRuleViolation, 'A status cannot move to itself.');
      expect(fieldOf([], command)).toBe('transitions');
    });

    it('refuses a status that does not exist', () =>
      spec
        .given([])
        .when(staff({ type: 'SetStatusTransitions', statusId: 'shipped', transitions: [] }))
        .thenThrows(DomainRuleViolation, 'There is no status "shipped".'));

    it('records nothing when the set is the same, in whatever order', () =>
      spec
        .given([])
        .when(
          staff({
            type: 'SetStatusTransitions',
            statusId: 'open',
            transitions: ['declined', 'planned', 'under_review', 'planned'],
          }),
        )
        .thenNothingHappens());
  });
});
