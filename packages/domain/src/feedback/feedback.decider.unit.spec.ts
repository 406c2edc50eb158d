import { catalogDecider } from '../catalog/catalog.decider';
import { initialCatalog, type Catalog } from '../catalog/catalog';
import type { CatalogEvent } from '../catalog/catalog.events';
import type { Actor } from '../shared/actor';
import { fold } from '../shared/decider';
import { ActionForbidden, AggregateNotFound, DomainRuleViolation } from '../shared/errors';
import { deciderSpec } from '../testing/decider-spec';
import { whyVotingIsClosed, type ExistingFeedback } from './feedback';
import {
  feedbackDecider,
  feedbackStreamId,
  type FeedbackCommand,
  type SubmitFeedback,
} from './feedback.decider';
import type { FeedbackEvent, FeedbackSubmitted } from './feedback.events';
import { defaultStatusKind, type FeedbackStatus, type StatusKind } from './feedback-workflow';

const spec = deciderSpec(feedbackDecider);
const feedbackId = '7b0c3c52-1c7a-4c53-9a4b-1f3e2b7b9f10';
const otherId = '2c9e1f4a-6b3d-4e8f-9a1b-3c5d7e9f1a2b';
const author: Actor = { id: 'user-author', role: 'customer' };
const stranger: Actor = { id: 'user-stranger', role: 'customer' };
const teammate: Actor = { id: 'user-teammate', role: 'teammate' };
const admin: Actor = { id: 'user-admin', role: 'admin' };
const customerId = 'customer-1';

/** The workspace's settings: the defaults plus what the tests need. */
const catalogWith = (events: CatalogEvent[]): Catalog => fold(catalogDecider, events);
const catalog = catalogWith([
  {
    type: 'BoardCreated',
    data: {
      boardId: 'mobile-app',
      name: 'Mobile app',
      visibility: 'public',
      requiresApproval: false,
    },
  },
  {
    type: 'BoardCreated',
    data: { boardId: 'beta', name: 'Beta', visibility: 'public', requiresApproval: true },
  },
  {
    type: 'BoardCreated',
    data: { boardId: 'internal', name: 'Internal', visibility: 'private', requiresApproval: false },
  },
  // General and Beta share a category id; Mobile app has its own categories only.
  {
    type: 'CategoryCreated',
    data: { boardId: 'general', categoryId: 'permissions', name: 'Permissions' },
  },
  {
    type: 'CategoryCreated',
    data: { boardId: 'beta', categoryId: 'permissions', name: 'Access' },
  },
  { type: 'CategoryCreated', data: { boardId: 'mobile-app', categoryId: 'ios', name: 'iOS' } },
  {
    type: 'CategoryCreated',
    data: { boardId: 'mobile-app', categoryId: 'android', name: 'Android' },
  },
  { type: 'TagCreated', data: { tagId: 'ux', name: 'UX', colour: '#ff00aa' } },
  { type: 'TagCreated', data: { tagId: 'billing', name: 'Billing', colour: '#00aaff' } },
  {
    type: 'StatusCreated',
    data: { statusId: 'shipped', name: 'Shipped', colour: '#22c55e', kind: 'done' },
  },
  {
    type: 'StatusCreated',
    data: { statusId: 'beta-testing', name: 'Beta testing', colour: '#0ea5e9', kind: 'active' },
  },
  {
    type: 'StatusTransitionsSet',
    data: { statusId: 'in_progress', transitions: ['planned', 'beta-testing', 'declined'] },
  },
  {
    type: 'StatusTransitionsSet',
    data: { statusId: 'beta-testing', transitions: ['in_progress', 'shipped'] },
  },
]);

const submittedData: FeedbackSubmitted['data'] = {
  feedbackId,
  title: 'Dark mode',
  description: 'Please add a **dark** theme.',
  boardId: 'general',
  authorId: author.id,
  statusId: 'open',
  moderation: 'approved',
  source: 'app',
  capturedBy: null,
  quote: null,
  categoryId: null,
};
const submitted: FeedbackEvent = { type: 'FeedbackSubmitted', data: submittedData };
const submittedWith = (over: Partial<FeedbackSubmitted['data']>): FeedbackEvent => ({
  type: 'FeedbackSubmitted',
  data: { ...submittedData, ...over },
});
/** As stored before custom workflows: no status, moderation, source, capture, quote or category. */
const submittedV1: FeedbackEvent = {
  type: 'FeedbackSubmitted',
  data: {
    feedbackId,
    title: 'Dark mode',
    description: '',
    boardId: 'general',
    authorId: author.id,
  },
};

const statusChanged = (
  from: FeedbackStatus,
  to: FeedbackStatus,
  toKind: StatusKind = defaultStatusKind(to),
): FeedbackEvent => ({
  type: 'FeedbackStatusChanged',
  data: { feedbackId, from, to, toKind, changedBy: teammate.id },
});
const changeStatus = (
  status: FeedbackStatus,
  actor: Actor = teammate,
  inCatalog: Catalog = initialCatalog(),
): FeedbackCommand => ({
  type: 'ChangeFeedbackStatus',
  feedbackId,
  status,
  catalog: inCatalog,
  actor,
});
const by = (actor: Actor) => ({ feedbackId, by: actor.id });
const categorised = (categoryId: string | null, actor: Actor = teammate): FeedbackEvent => ({
  type: 'FeedbackCategorised',
  data: { ...by(actor), categoryId },
});

/** The field a rule violation names, or what was thrown instead. */
const fieldAtFault = (run: () => unknown): string | undefined | Error => {
  try {
    run();
  } catch (error) {
    return error instanceof DomainRuleViolation ? error.field : (error as Error);
  }
  throw new Error('expected a rule violation');
};

const stateAfter = (events: FeedbackEvent[]): ExistingFeedback => {
  const state = fold(feedbackDecider, events);
  if (!state.exists) throw new Error('expected feedback');
  return state;
};

describe('SubmitFeedback', () => {
  const submit = (over: Partial<SubmitFeedback> = {}): SubmitFeedback => ({
    type: 'SubmitFeedback',
    feedbackId,
    title: '  Dark mode  ',
    catalog: initialCatalog(),
    actor: author,
    ...over,
  });

  it('submits open, approved, from the app, with a trimmed title, an empty description and the general board by default', () =>
    spec
      .given([])
      .when(submit())
      .then([submittedWith({ description: '' })]));

  it('keeps the markdown description, the chosen board and the source', () =>
    spec
      .given([])
      .when(
        submit({ description: '# Why\n- it hurts', boardId: 'mobile-app', source: 'api', catalog }),
      )
      .then([
        submittedWith({ description: '# Why\n- it hurts', boardId: 'mobile-app', source: 'api' }),
      ]));

  it.each([
    ['ab', /at least 3/],
    ['   ab   ', /at least 3/],
    ['x'.repeat(201), /at most 200/],
  ])('rejects the title %j', (title, message) =>
    spec.given([]).when(submit({ title })).thenThrows(DomainRuleViolation, message),
  );

  it('accepts titles of exactly 3 and 200 characters', () => {
    expect(feedbackDecider.decide(submit({ title: 'abc' }), { exists: false })).toHaveLength(1);
    expect(
      feedbackDecider.decide(submit({ title: 'x'.repeat(200) }), { exists: false }),
    ).toHaveLength(1);
  });

  it('rejects a description over 20,000 characters', () =>
    spec
      .given([])
      .when(submit({ description: 'x'.repeat(20_001) }))
      .thenThrows(DomainRuleViolation, /at most 20000/));

  it('rejects a malformed board id', () =>
    spec
      .given([])
      .when(submit({ boardId: 'Not A Board' }))
      .thenThrows(DomainRuleViolation, /Board id/));

  it('rejects a board the workspace does not have, naming the field', () => {
    spec
      .given([])
      .when(submit({ boardId: 'mobile-app' }))
      .thenThrows(DomainRuleViolation, 'There is no board "mobile-app".');
    expect(
      fieldAtFault(() => feedbackDecider.decide(submit({ boardId: 'x' }), { exists: false })),
    ).toBe('boardId');
  });

  it('names the field at fault', () =>
    expect(
      fieldAtFault(() => feedbackDecider.decide(submit({ title: 'a' }), { exists: false })),
    ).toBe('title'));

  describe('categories', () => {
    it('files it under a category of its board', () =>
      spec
        .given([])
        .when(submit({ boardId: 'mobile-app', categoryId: 'ios', catalog }))
        .then([submittedWith({ description: '', boardId: 'mobile-app', categoryId: 'ios' })]));

    it('files it under a category of the General board by default', () =>
      spec
        .given([])
        .when(submit({ categoryId: 'permissions', catalog }))
        .then([submittedWith({ description: '', categoryId: 'permissions' })]));

    it('refuses a category of another board, naming the field', () => {
      spec
        .given([])
        .when(submit({ boardId: 'mobile-app', categoryId: 'permissions', catalog }))
        .thenThrows(DomainRuleViolation, 'Board "Mobile app" has no category "permissions".');
      expect(
        fieldAtFault(() =>
          feedbackDecider.decide(
            submit({ boardId: 'mobile-app', categoryId: 'permissions', catalog }),
            {
              exists: false,
            },
          ),
        ),
      ).toBe('categoryId');
    });

    it('refuses a category no board has', () =>
      expect(
        fieldAtFault(() =>
          feedbackDecider.decide(submit({ categoryId: 'ghost', catalog }), { exists: false }),
        ),
      ).toBe('categoryId'));
  });

  it('rejects an unknown source', () =>
    expect(
      fieldAtFault(() =>
        feedbackDecider.decide(submit({ source: 'fax' as SubmitFeedback['source'] }), {
          exists: false,
        }),
      ),
    ).toBe('source'));

  it('cannot submit the same feedback twice', () =>
    spec
      .given([submitted])
      .when(submit())
      .thenThrows(DomainRuleViolation, /already been submitted/));

  it('starts in the initial status even after it was renamed', () => {
    const renamed = catalogWith([
      { type: 'StatusUpdated', data: { statusId: 'open', name: 'New' } },
    ]);
    spec
      .given([])
      .when(submit({ catalog: renamed }))
      .then([submittedWith({ description: '', statusId: 'open' })]);
  });

  describe('private boards', () => {
    it('are closed to customers', () => {
      spec
        .given([])
        .when(submit({ boardId: 'internal', catalog }))
        .thenThrows(DomainRuleViolation, /private to the team/);
      expect(
        fieldAtFault(() =>
          feedbackDecider.decide(submit({ boardId: 'internal', catalog }), { exists: false }),
        ),
      ).toBe('boardId');
    });

    it('are open to teammates', () =>
      spec
        .given([])
        .when(submit({ boardId: 'internal', catalog, actor: teammate }))
        .then([submittedWith({ description: '', boardId: 'internal', authorId: teammate.id })]));
  });

  describe('moderation', () => {
    it('holds a customer’s post on a board that requires approval as pending', () =>
      spec
        .given([])
        .when(submit({ boardId: 'beta', catalog }))
        .then([submittedWith({ description: '', boardId: 'beta', moderation: 'pending' })]));

    it.each([teammate, admin])('publishes a $role’s post on that board at once', (actor) =>
      spec
        .given([])
        .when(submit({ boardId: 'beta', catalog, actor }))
        .then([
          submittedWith({
            description: '',
            boardId: 'beta',
            authorId: actor.id,
            moderation: 'approved',
          }),
        ]),
    );

    it('publishes a post a teammate captured for a customer at once', () =>
      spec
        .given([])
        .when(
          submit({
            boardId: 'beta',
            catalog,
            actor: teammate,
            onBehalfOf: { customerId, source: 'email' },
          }),
        )
        .then([
          submittedWith({
            description: '',
            boardId: 'beta',
            authorId: customerId,
            moderation: 'approved',
            source: 'email',
            capturedBy: teammate.id,
          }),
        ]));

    it('does not hold posts on boards without approval', () =>
      spec
        .given([])
        .when(submit({ boardId: 'mobile-app', catalog }))
        .then([submittedWith({ description: '', boardId: 'mobile-app', moderation: 'approved' })]));
  });

  describe('on behalf of a customer', () => {
    it('records the customer as author, the teammate as capturer, the channel and the quote', () =>
      spec
        .given([])
        .when(
          submit({
            actor: teammate,
            onBehalfOf: { customerId, source: 'sales_call', quote: '  We need this by Q3.  ' },
          }),
        )
        .then([
          submittedWith({
            description: '',
            authorId: customerId,
            source: 'sales_call',
            capturedBy: teammate.id,
            quote: 'We need this by Q3.',
          }),
        ]));

    it('takes the channel of the capture over the command’s source', () =>
      spec
        .given([])
        .when(submit({ actor: admin, source: 'api', onBehalfOf: { customerId, source: 'slack' } }))
        .then([
          submittedWith({
            description: '',
            authorId: customerId,
            source: 'slack',
            capturedBy: admin.id,
          }),
        ]));

    it('records no quote when it is blank', () =>
      spec
        .given([])
        .when(
          submit({ actor: teammate, onBehalfOf: { customerId, source: 'email', quote: '   ' } }),
        )
        .then([
          submittedWith({
            description: '',
            authorId: customerId,
            source: 'email',
            capturedBy: teammate.id,
            quote: null,
          }),
        ]));

    it('is for teammates only', () =>
      spec
        .given([])
        .when(submit({ onBehalfOf: { customerId, source: 'email' } }))
        .thenThrows(ActionForbidden, /on behalf of a customer/));

    it('rejects an unknown channel and a quote over 2,000 characters, naming the field', () => {
      const onBehalf = (onBehalfOf: SubmitFeedback['onBehalfOf']) => () =>
        feedbackDecider.decide(submit({ actor: teammate, onBehalfOf }), { exists: false });
      expect(fieldAtFault(onBehalf({ customerId, source: 'fax' as 'email' }))).toBe(
        'onBehalfOf.source',
      );
      expect(
        fieldAtFault(onBehalf({ customerId, source: 'email', quote: 'x'.repeat(2_001) })),
      ).toBe('onBehalfOf.quote');
      expect(onBehalf({ customerId, source: 'email', quote: 'x'.repeat(2_001) })).toThrow(
        /at most 2,000/,
      );
    });
  });
});

describe('EditFeedback', () => {
  const edit = (
    actor: Actor,
    changes: { title?: string; description?: string; boardId?: string },
  ): FeedbackCommand => ({ type: 'EditFeedback', feedbackId, actor, catalog, ...changes });

  it('lets the author edit the title', () =>
    spec
      .given([submitted])
      .when(edit(author, { title: 'Dark theme' }))
      .then([
        { type: 'FeedbackEdited', data: { feedbackId, title: 'Dark theme', editedBy: author.id } },
      ]));

  it('lets a teammate edit someone else’s feedback and move it to another board', () =>
    spec
      .given([submitted])
      .when(edit(teammate, { description: 'Clarified', boardId: 'mobile-app' }))
      .then([
        {
          type: 'FeedbackEdited',
          data: {
            feedbackId,
            description: 'Clarified',
            boardId: 'mobile-app',
            editedBy: teammate.id,
          },
        },
      ]));

  describe('moving an item that is in a category', () => {
    const inPermissions = submittedWith({ categoryId: 'permissions' });

    it('takes it out of its category when the new board does not have it', () =>
      spec
        .given([inPermissions])
        .when(edit(teammate, { boardId: 'mobile-app' }))
        .then([
          {
            type: 'FeedbackEdited',
            data: { feedbackId, boardId: 'mobile-app', editedBy: teammate.id },
          },
          categorised(null),
        ]));

    it('keeps its category when the new board has one with the same id', () =>
      spec
        .given([inPermissions])
        .when(edit(teammate, { boardId: 'beta' }))
        .then([
          { type: 'FeedbackEdited', data: { feedbackId, boardId: 'beta', editedBy: teammate.id } },
        ]));

    it('keeps its category when it stays on its board', () =>
      spec
        .given([inPermissions])
        .when(edit(teammate, { title: 'Dark theme', boardId: 'general' }))
        .then([
          {
            type: 'FeedbackEdited',
            data: { feedbackId, title: 'Dark theme', editedBy: teammate.id },
          },
        ]));

    it('leaves the category out of it when it is in none', () =>
      spec
        .given([submitted])
        .when(edit(teammate, { boardId: 'mobile-app' }))
        .then([
          {
            type: 'FeedbackEdited',
            data: { feedbackId, boardId: 'mobile-app', editedBy: teammate.id },
          },
        ]));
  });

  it('refuses a board the workspace does not have', () =>
    spec
      .given([submitted])
      .when(edit(teammate, { boardId: 'nowhere' }))
      .thenThrows(DomainRuleViolation, 'There is no board "nowhere".'));

  it('forbids another customer from editing', () =>
    spec
      .given([submitted])
      .when(edit(stranger, { title: 'Mine now' }))
      .thenThrows(ActionForbidden));

  it('lets the customer a teammate captured it for edit it', () =>
    spec
      .given([submittedWith({ authorId: customerId, capturedBy: teammate.id })])
      .when(edit({ id: customerId, role: 'customer' }, { title: 'Dark theme' }))
      .then([
        { type: 'FeedbackEdited', data: { feedbackId, title: 'Dark theme', editedBy: customerId } },
      ]));

  it('records nothing when nothing changes', () =>
    spec
      .given([submitted])
      .when(edit(author, { title: 'Dark mode ', boardId: 'general' }))
      .thenNothingHappens());

  it('validates the new title', () =>
    spec
      .given([submitted])
      .when(edit(author, { title: 'no' }))
      .thenThrows(DomainRuleViolation, /at least 3/));

  it('cannot edit feedback that does not exist', () =>
    spec
      .given([])
      .when(edit(author, { title: 'Dark theme' }))
      .thenThrows(AggregateNotFound));
});

describe('ChangeFeedbackStatus', () => {
  it('moves open feedback under review, recording the kind of the new status', () =>
    spec
      .given([submitted])
      .when(changeStatus('under_review'))
      .then([statusChanged('open', 'under_review', 'open')]));

  it('walks the whole default workflow to done', () =>
    spec
      .given([
        submitted,
        statusChanged('open', 'under_review'),
        statusChanged('under_review', 'planned'),
        statusChanged('planned', 'in_progress'),
      ])
      .when(changeStatus('done'))
      .then([statusChanged('in_progress', 'done', 'done')]));

  it('declines from any status before done', () =>
    spec
      .given([submitted, statusChanged('open', 'planned')])
      .when(changeStatus('declined'))
      .then([statusChanged('planned', 'declined', 'closed')]));

  it('reopens declined feedback', () =>
    spec
      .given([submitted, statusChanged('open', 'declined')])
      .when(changeStatus('open'))
      .then([statusChanged('declined', 'open', 'open')]));

  it('explains which status open feedback must reach before done', () =>
    spec
      .given([submitted])
      .when(changeStatus('done'))
      .thenThrows(
        DomainRuleViolation,
        'Feedback cannot move from open to done: it must be in progress first.',
      ));

  it('explains that done feedback has shipped', () =>
    spec
      .given([
        submitted,
        statusChanged('open', 'planned'),
        statusChanged('planned', 'in_progress'),
        statusChanged('in_progress', 'done'),
      ])
      .when(changeStatus('open'))
      .thenThrows(
        DomainRuleViolation,
        'Feedback that is done has shipped and cannot move to open.',
      ));

  it('refuses a status the workflow does not have, naming the field', () => {
    spec
      .given([submitted])
      .when(changeStatus('shipped'))
      .thenThrows(
        DomainRuleViolation,
        'There is no status "shipped" in this workspace\'s workflow; it has open, under_review, planned, in_progress, done, declined.',
      );
    expect(
      fieldAtFault(() => feedbackDecider.decide(changeStatus('shipped'), stateAfter([submitted]))),
    ).toBe('status');
  });

  it('records nothing when the status is already the requested one', () =>
    spec.given([submitted]).when(changeStatus('open')).thenNothingHappens());

  it('forbids customers from changing status', () =>
    spec.given([submitted]).when(changeStatus('planned', author)).thenThrows(ActionForbidden));

  it('cannot change the status of feedback that does not exist', () =>
    spec.given([]).when(changeStatus('planned')).thenThrows(AggregateNotFound));

  it('cannot change the status of merged feedback', () =>
    spec
      .given([submitted, { type: 'FeedbackMerged', data: { ...by(teammate), intoId: otherId } }])
      .when(changeStatus('planned'))
      .thenThrows(DomainRuleViolation, new RegExp(`merged into ${otherId}`)));

  it('may change the status again once unmerged', () =>
    spec
      .given([
        submitted,
        { type: 'FeedbackMerged', data: { ...by(teammate), intoId: otherId } },
        { type: 'FeedbackUnmerged', data: { ...by(teammate), fromId: otherId } },
      ])
      .when(changeStatus('planned'))
      .then([statusChanged('open', 'planned', 'active')]));

  describe('in a custom workflow', () => {
    const inProgress = [
      submitted,
      statusChanged('open', 'planned'),
      statusChanged('planned', 'in_progress'),
    ];

    it('follows the transitions of the catalog passed in', () => {
      spec
        .given(inProgress)
        .when(changeStatus('beta-testing', teammate, catalog))
        .then([statusChanged('in_progress', 'beta-testing', 'active')]);
      // The default workflow goes from in progress to done; this workspace replaced that.
      spec
        .given(inProgress)
        .when(changeStatus('done', teammate, catalog))
        .thenThrows(
          DomainRuleViolation,
          'Feedback cannot move from in progress to done; from in progress it can move to planned, beta testing, declined.',
        );
    });

    it('records the kind of a custom done status, which closes voting', () => {
      const given = [...inProgress, statusChanged('in_progress', 'beta-testing', 'active')];
      spec
        .given(given)
        .when(changeStatus('shipped', teammate, catalog))
        .then([statusChanged('beta-testing', 'shipped', 'done')]);
      const shipped = stateAfter([...given, statusChanged('beta-testing', 'shipped', 'done')]);
      expect(shipped).toMatchObject({ status: 'shipped', statusKind: 'done' });
      expect(whyVotingIsClosed(shipped)).toBe('Voting is closed: this feedback is done.');
    });

    it('names statuses by their current names', () => {
      const renamed = catalogWith([
        { type: 'StatusUpdated', data: { statusId: 'planned', name: 'Next up' } },
      ]);
      spec
        .given([submitted])
        .when(changeStatus('in_progress', teammate, renamed))
        .thenThrows(
          DomainRuleViolation,
          'Feedback cannot move from open to in progress: it must be next up first.',
        );
    });

    it('keeps the status id when the status is renamed, so history is untouched', () => {
      const renamed = catalogWith([
        {
          type: 'StatusUpdated',
          data: { statusId: 'planned', name: 'Next up', colour: '#000000' },
        },
      ]);
      spec
        .given([submitted])
        .when(changeStatus('planned', teammate, renamed))
        .then([statusChanged('open', 'planned', 'active')]);
    });
  });
});

describe('ShipFeedback', () => {
  const ship = (
    actor: Actor = teammate,
    inCatalog: Catalog = initialCatalog(),
  ): FeedbackCommand => ({
    type: 'ShipFeedback',
    feedbackId,
    catalog: inCatalog,
    actor,
  });

  it('moves open feedback straight to done, which the workflow alone would not allow', () =>
    spec
      .given([submitted])
      .when(ship())
      .then([statusChanged('open', 'done', 'done')]));

  it("uses the workflow's first status of the done kind", () => {
    const shippedFirst: Catalog = {
      ...catalog,
      statuses: [...catalog.statuses].sort((a, b) =>
        a.id === 'shipped' ? -1 : b.id === 'shipped' ? 1 : 0,
      ),
    };
    spec
      .given([submitted, statusChanged('open', 'planned')])
      .when(ship(admin, shippedFirst))
      .then([
        {
          type: 'FeedbackStatusChanged',
          data: { feedbackId, from: 'planned', to: 'shipped', toKind: 'done', changedBy: admin.id },
        },
      ]);
  });

  it('leaves feedback that is already done as it is', () =>
    spec
      .given([submitted, statusChanged('open', 'shipped', 'done')])
      .when(ship())
      .thenNothingHappens());

  it('leaves a merged duplicate as it is: its survivor is what people see', () =>
    spec
      .given([submitted, { type: 'FeedbackMerged', data: { ...by(teammate), intoId: otherId } }])
      .when(ship())
      .thenNothingHappens());

  it('is for teammates only', () =>
    spec.given([submitted]).when(ship(author)).thenThrows(ActionForbidden));

  it('cannot ship feedback that does not exist', () =>
    spec.given([]).when(ship()).thenThrows(AggregateNotFound));

  it('says so when the workflow has no done status', () =>
    spec
      .given([submitted])
      .when(
        ship(teammate, {
          ...initialCatalog(),
          statuses: initialCatalog().statuses.filter((s) => s.kind !== 'done'),
        }),
      )
      .thenThrows(DomainRuleViolation, /no status of the done kind/));
});

describe('evolving feedback from stored events', () => {
  it('gives v1 submissions the defaults: open, approved, from the app, nobody captured it, no category', () =>
    expect(stateAfter([submittedV1])).toEqual({
      exists: true,
      id: feedbackId,
      title: 'Dark mode',
      description: '',
      boardId: 'general',
      categoryId: null,
      authorId: author.id,
      status: 'open',
      statusKind: 'open',
      tags: [],
      moderation: 'approved',
      spam: false,
      mergedInto: null,
      duplicates: [],
    }));

  it('takes the kind of a v1 status change from the default workflow', () => {
    const declined = stateAfter([
      submittedV1,
      {
        type: 'FeedbackStatusChanged',
        data: { feedbackId, from: 'open', to: 'declined', changedBy: teammate.id },
      },
    ]);
    expect(declined).toMatchObject({ status: 'declined', statusKind: 'closed' });
    expect(whyVotingIsClosed(declined)).toBe('Voting is closed: this feedback is closed.');
  });

  it('ignores events for feedback that was never submitted', () =>
    expect(fold(feedbackDecider, [{ type: 'FeedbackMarkedSpam', data: by(teammate) }])).toEqual({
      exists: false,
    }));

  it('files it under a category, and takes it out again', () => {
    const filed = stateAfter([submitted, categorised('permissions')]);
    expect(filed.categoryId).toBe('permissions');
    expect(stateAfter([submitted, categorised('permissions'), categorised(null)]).categoryId).toBe(
      null,
    );
  });

  it('keeps the category it was submitted in', () =>
    expect(stateAfter([submittedWith({ categoryId: 'permissions' })]).categoryId).toBe(
      'permissions',
    ));

  it('keeps tags unique and tracks duplicates', () =>
    expect(
      stateAfter([
        submitted,
        { type: 'FeedbackTagged', data: { ...by(teammate), tagId: 'ux' } },
        { type: 'FeedbackTagged', data: { ...by(teammate), tagId: 'billing' } },
        { type: 'FeedbackTagged', data: { ...by(teammate), tagId: 'ux' } },
        { type: 'FeedbackDuplicateAbsorbed', data: { ...by(teammate), duplicateId: otherId } },
      ]),
    ).toMatchObject({ tags: ['billing', 'ux'], duplicates: [otherId] }));
});

describe('tags', () => {
  const tag = (tagId: string, actor: Actor = teammate): FeedbackCommand => ({
    type: 'TagFeedback',
    feedbackId,
    tagId,
    catalog,
    actor,
  });
  const untag = (tagId: string, actor: Actor = teammate): FeedbackCommand => ({
    type: 'UntagFeedback',
    feedbackId,
    tagId,
    actor,
  });
  const tagged: FeedbackEvent = { type: 'FeedbackTagged', data: { ...by(teammate), tagId: 'ux' } };

  it('tags feedback with a tag of the workspace', () =>
    spec.given([submitted]).when(tag('ux')).then([tagged]));

  it('refuses a tag the workspace does not have, naming the field', () => {
    spec
      .given([submitted])
      .when(tag('nope'))
      .thenThrows(DomainRuleViolation, 'There is no tag "nope".');
    expect(fieldAtFault(() => feedbackDecider.decide(tag('nope'), stateAfter([submitted])))).toBe(
      'tagId',
    );
  });

  it('records nothing when the tag is already there', () =>
    spec.given([submitted, tagged]).when(tag('ux')).thenNothingHappens());

  it('tags again after an untag', () =>
    spec
      .given([
        submitted,
        tagged,
        { type: 'FeedbackUntagged', data: { ...by(teammate), tagId: 'ux' } },
      ])
      .when(tag('ux'))
      .then([tagged]));

  it('untags', () =>
    spec
      .given([submitted, tagged])
      .when(untag('ux', admin))
      .then([{ type: 'FeedbackUntagged', data: { ...by(admin), tagId: 'ux' } }]));

  it('records nothing when untagging a tag that is not there (even one since deleted)', () => {
    spec.given([submitted, tagged]).when(untag('billing')).thenNothingHappens();
    spec.given([submitted]).when(untag('gone')).thenNothingHappens();
  });

  it('is for teammates only', () => {
    spec.given([submitted]).when(tag('ux', author)).thenThrows(ActionForbidden);
    spec.given([submitted, tagged]).when(untag('ux', author)).thenThrows(ActionForbidden);
  });

  it('cannot tag feedback that does not exist', () =>
    spec.given([]).when(tag('ux')).thenThrows(AggregateNotFound));
});

describe('CategoriseFeedback', () => {
  const categorise = (categoryId: string | null, actor: Actor = teammate): FeedbackCommand => ({
    type: 'CategoriseFeedback',
    feedbackId,
    categoryId,
    catalog,
    actor,
  });

  it('files feedback under a category of its board', () =>
    spec
      .given([submitted])
      .when(categorise('permissions'))
      .then([categorised('permissions')]));

  it('moves it to another category of its board', () =>
    spec
      .given([submittedWith({ boardId: 'mobile-app', categoryId: 'ios' })])
      .when(categorise('android'))
      .then([categorised('android')]));

  it('takes it out of its category', () => {
    spec
      .given([submitted, categorised('permissions')])
      .when(categorise(null, admin))
      .then([categorised(null, admin)]);
    spec
      .given([submittedWith({ boardId: 'mobile-app', categoryId: 'ios' })])
      .when(categorise(null))
      .then([categorised(null)]);
  });

  it('looks for the category on the board the item is on now', () =>
    spec
      .given([
        submitted,
        {
          type: 'FeedbackEdited',
          data: { feedbackId, boardId: 'mobile-app', editedBy: teammate.id },
        },
      ])
      .when(categorise('ios'))
      .then([categorised('ios')]));

  it('refuses a category of another board, or one no board has, naming the field', () => {
    spec
      .given([submitted])
      .when(categorise('ios'))
      .thenThrows(DomainRuleViolation, 'Board "General" has no category "ios".');
    expect(
      fieldAtFault(() => feedbackDecider.decide(categorise('ios'), stateAfter([submitted]))),
    ).toBe('categoryId');
    expect(
      fieldAtFault(() => feedbackDecider.decide(categorise('ghost'), stateAfter([submitted]))),
    ).toBe('categoryId');
  });

  it('records nothing when it is already in that category, or already in none', () => {
    spec
      .given([submitted, categorised('permissions')])
      .when(categorise('permissions'))
      .thenNothingHappens();
    spec.given([submitted]).when(categorise(null)).thenNothingHappens();
  });

  it('is for teammates only', () => {
    spec.given([submitted]).when(categorise('permissions', author)).thenThrows(ActionForbidden);
    spec
      .given([submitted, categorised('permissions')])
      .when(categorise(null, author))
      .thenThrows(ActionForbidden);
  });

  it('cannot categorise feedback that does not exist', () =>
    spec.given([]).when(categorise('permissions')).thenThrows(AggregateNotFound));
});

describe('moderation', () => {
  const pending = submittedWith({ boardId: 'beta', moderation: 'pending' });
  const approve = (actor: Actor = teammate): FeedbackCommand => ({
    type: 'ApproveFeedback',
    feedbackId,
    actor,
  });
  const reject = (reason?: string, actor: Actor = teammate): FeedbackCommand => ({
    type: 'RejectFeedback',
    feedbackId,
    reason,
    actor,
  });
  const approved: FeedbackEvent = { type: 'FeedbackApproved', data: by(teammate) };
  const rejected: FeedbackEvent = {
    type: 'FeedbackRejected',
    data: { ...by(teammate), reason: 'Off topic' },
  };

  it('approves a pending post', () => spec.given([pending]).when(approve()).then([approved]));

  it('records nothing when approving a published post', () => {
    spec.given([submitted]).when(approve()).thenNothingHappens();
    spec.given([pending, approved]).when(approve()).thenNothingHappens();
  });

  it('may approve a rejected post after all', () =>
    spec.given([pending, rejected]).when(approve()).then([approved]));

  it('rejects a pending post with a trimmed reason', () =>
    spec.given([pending]).when(reject('  Off topic ')).then([rejected]));

  it('rejects without a reason', () =>
    spec
      .given([pending])
      .when(reject())
      .then([{ type: 'FeedbackRejected', data: { ...by(teammate), reason: '' } }]));

  it('records nothing when rejecting a rejected post', () =>
    spec.given([pending, rejected]).when(reject('Again')).thenNothingHappens());

  it('refuses to reject a published post: spam is for that', () => {
    spec
      .given([submitted])
      .when(reject('Too late'))
      .thenThrows(DomainRuleViolation, /Only pending posts can be rejected/);
    spec
      .given([pending, approved])
      .when(reject('Too late'))
      .thenThrows(DomainRuleViolation, /mark published feedback as spam/);
  });

  it('is for teammates only', () => {
    spec.given([pending]).when(approve(author)).thenThrows(ActionForbidden);
    spec.given([pending]).when(reject('no', author)).thenThrows(ActionForbidden);
  });

  it('cannot moderate feedback that does not exist', () =>
    spec.given([]).when(approve()).thenThrows(AggregateNotFound));

  it('closes voting on a rejected post', () =>
    expect(whyVotingIsClosed(stateAfter([pending, rejected]))).toBe(
      'This feedback was rejected by a moderator.',
    ));
});

describe('spam', () => {
  const mark = (actor: Actor = teammate): FeedbackCommand => ({
    type: 'MarkFeedbackSpam',
    feedbackId,
    actor,
  });
  const clear = (actor: Actor = teammate): FeedbackCommand => ({
    type: 'ClearFeedbackSpam',
    feedbackId,
    actor,
  });
  const marked: FeedbackEvent = { type: 'FeedbackMarkedSpam', data: by(teammate) };
  const cleared: FeedbackEvent = { type: 'FeedbackSpamCleared', data: by(teammate) };

  it('marks feedback as spam', () => spec.given([submitted]).when(mark()).then([marked]));

  it('records nothing when it is already spam', () =>
    spec.given([submitted, marked]).when(mark()).thenNothingHappens());

  it('clears the mark', () => spec.given([submitted, marked]).when(clear()).then([cleared]));

  it('records nothing when clearing feedback that is not spam', () => {
    spec.given([submitted]).when(clear()).thenNothingHappens();
    spec.given([submitted, marked, cleared]).when(clear()).thenNothingHappens();
  });

  it('marks again after a clear', () =>
    spec.given([submitted, marked, cleared]).when(mark()).then([marked]));

  it('is for teammates only', () => {
    spec.given([submitted]).when(mark(author)).thenThrows(ActionForbidden);
    spec.given([submitted, marked]).when(clear(author)).thenThrows(ActionForbidden);
  });

  it('closes voting while marked, and reopens it when cleared', () => {
    expect(whyVotingIsClosed(stateAfter([submitted, marked]))).toBe(
      'This feedback was marked as spam.',
    );
    expect(whyVotingIsClosed(stateAfter([submitted, marked, cleared]))).toBeNull();
  });
});

describe('feedbackStreamId', () => {
  it('is one stream per feedback item', () =>
    expect(feedbackStreamId(feedbackId)).toBe(`feedback-${feedbackId}`));
});
