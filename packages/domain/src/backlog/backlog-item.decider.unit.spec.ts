import type { Actor } from '../shared/actor';
import { fold } from '../shared/decider';
import { ActionForbidden, AggregateNotFound, DomainRuleViolation } from '../shared/errors';
import { deciderSpec } from '../testing/decider-spec';
import { feedbackDecider } from '../feedback/feedback.decider';
import type { Feedback } from '../feedback/feedback';
import type { FeedbackEvent } from '../feedback/feedback.events';
import {
  evolveBacklogItem,
  initialBacklogItem,
  whyNotReady,
  type BacklogItem,
} from './backlog-item';
import {
  backlogItemDecider,
  type BacklogItemCommand,
  type CreateBacklogItem,
} from './backlog-item.decider';
import type { BacklogItemEvent } from './backlog.events';

const itemId = '0b8f7f6e-1d2c-4b3a-8e9f-101112131415';
const epicId = '1c9a8b7d-2e3f-4a5b-9c6d-161718191a1b';
const storyId = '2d0b9c8e-3f4a-4b6c-8d7e-1c1d1e1f2021';
const taskId = '3e1c0d9f-4a5b-4c7d-9e8f-222324252627';
const feedbackId = '4f2d1e0a-5b6c-4d8e-8f9a-28292a2b2c2d';
const survivorId = '5a3e2f1b-6c7d-4e9f-9a0b-2e2f30313233';
const initiativeId = '6b4f3a2c-7d8e-4f0a-8b1c-343536373839';
const criterionA = '7c5a4b3d-8e9f-4a1b-9c2d-3a3b3c3d3e3f';
const criterionB = '8d6b5c4e-9f0a-4b2c-8d3e-404142434445';
const teammate: Actor = { id: 'user-teammate', role: 'teammate' };
const customer: Actor = { id: 'user-customer', role: 'customer' };

const { given } = deciderSpec(backlogItemDecider);

const created = (
  over: Partial<Extract<BacklogItemEvent, { type: 'BacklogItemCreated' }>['data']> = {},
): BacklogItemEvent => ({
  type: 'BacklogItemCreated',
  data: {
    itemId,
    kind: 'story',
    parentId: null,
    title: 'Export the backlog as CSV',
    description: '',
    acceptanceCriteria: [],
    estimate: null,
    labels: [],
    ownerId: null,
    rank: 'a0',
    createdBy: teammate.id,
    ...over,
  },
});
const item = (...events: BacklogItemEvent[]): BacklogItem =>
  events.reduce(evolveBacklogItem, initialBacklogItem());
const epic = item(created({ itemId: epicId, kind: 'epic', title: 'Reporting' }));
const story = item(created({ itemId: storyId, kind: 'story', title: 'CSV export' }));
const task = item(created({ itemId: taskId, kind: 'task', title: 'Write the encoder' }));

const criterion = (id: string, met = false) => ({
  id,
  given: 'a backlog',
  when: 'I export it',
  then: 'I get a CSV file',
  met,
});

const feedback = (id: string, title: string, ...more: FeedbackEvent[]): Feedback =>
  fold(feedbackDecider, [
    {
      type: 'FeedbackSubmitted',
      data: {
        feedbackId: id,
        title,
        description: '',
        boardId: 'general',
        authorId: 'user-customer',
        statusId: 'open',
        moderation: 'approved',
        source: 'app',
        capturedBy: null,
        quote: null,
      },
    },
    ...more,
  ]);
const openFeedback = feedback(feedbackId, 'Let me export to Excel');
const mergedFeedback = feedback(feedbackId, 'CSV please', {
  type: 'FeedbackMerged',
  data: { feedbackId, intoId: survivorId, by: teammate.id },
});
const survivor = feedback(survivorId, 'Export the backlog');

const create = (over: Partial<CreateBacklogItem> = {}): CreateBacklogItem => ({
  type: 'CreateBacklogItem',
  itemId,
  kind: 'story',
  title: '  Export the backlog as CSV  ',
  rank: 'a0',
  actor: teammate,
  ...over,
});

/** The field a rule violation names. */
const fieldOf = (command: BacklogItemCommand, state: BacklogItem): string | undefined => {
  try {
    backlogItemDecider.decide(command, state);
  } catch (error) {
    if (error instanceof DomainRuleViolation) return error.field;
    throw error;
  }
  throw new Error('expected a rule violation');
};

describe('CreateBacklogItem', () => {
  it('creates a story with a trimmed title, no parent and defaults', () =>
    given([]).when(create()).then([created()]));

  it('creates an epic, a story under an epic and a task under a story', () => {
    given([])
      .when(create({ kind: 'epic', title: 'Reporting' }))
      .then([created({ kind: 'epic', title: 'Reporting' })]);
    given([])
      .when(create({ parentId: epicId, parent: epic }))
      .then([created({ parentId: epicId })]);
    given([])
      .when(create({ kind: 'task', parentId: storyId, parent: story }))
      .then([created({ kind: 'task', parentId: storyId })]);
  });

  it.each([
    ['an epic under anything', create({ kind: 'epic', parentId: epicId, parent: epic }), /top/],
    ['a story under a story', create({ parentId: storyId, parent: story }), /an epic.*a story/],
    ['a task under an epic', create({ kind: 'task', parentId: epicId, parent: epic }), /a story/],
    ['a story under a task', create({ parentId: taskId, parent: task }), /a task/],
    ['a story under a missing epic', create({ parentId: epicId, parent: item() }), /no epic/],
    ['a parent that is not the one named', create({ parentId: epicId, parent: story }), /no epic/],
  ])('refuses %s, naming parentId', (_, command, message) => {
    expect(() => backlogItemDecider.decide(command, initialBacklogItem())).toThrow(message);
    expect(fieldOf(command, initialBacklogItem())).toBe('parentId');
  });

  it('gives criteria the ids of the command, unmet, and keeps labels once each', () =>
    given([])
      .when(
        create({
          acceptanceCriteria: [
            { id: criterionA, given: 'a backlog', when: 'I export it', then: 'I get a CSV file' },
          ],
          estimate: 5,
          labels: ['export', ' export ', 'csv'],
          ownerId: teammate.id,
          ownerIsTeammate: true,
        }),
      )
      .then([
        created({
          acceptanceCriteria: [criterion(criterionA)],
          estimate: 5,
          labels: ['export', 'csv'],
          ownerId: teammate.id,
        }),
      ]));

  it('links the feedback it answers in the same decision, once each', () =>
    given([])
      .when(
        create({
          feedbackIds: [feedbackId, feedbackId],
          feedback: { [feedbackId]: openFeedback },
        }),
      )
      .then([
        created(),
        {
          type: 'FeedbackLinkedToBacklogItem',
          data: { itemId, feedbackId, by: teammate.id },
        },
      ]));

  it('refuses to link feedback that is not in the workspace, naming its position', () => {
    const command = create({ feedbackIds: [feedbackId], feedback: {} });
    expect(() => backlogItemDecider.decide(command, initialBacklogItem())).toThrow(/no feedback/);
    expect(fieldOf(command, initialBacklogItem())).toBe('feedbackIds.0');
  });

  it.each([
    ['title', create({ title: 'ab' }), /at least 3/],
    ['estimate', create({ estimate: 120 }), /split the item/],
    ['estimate', create({ estimate: -1 }), /negative/],
    ['labels', create({ labels: ['x'.repeat(41)] }), /40 characters/],
    ['kind', create({ kind: 'bug' as never }), /.+/],
    ['ownerId', create({ ownerId: '' }), /teammate/],
    ['ownerId', create({ ownerId: 'user-customer', ownerIsTeammate: false }), /not\./],
    [
      'acceptanceCriteria.0.then',
      create({ acceptanceCriteria: [{ id: criterionA, given: 'a', when: 'b', then: ' ' }] }),
      /"then"/,
    ],
  ])('refuses an invalid %s, naming the field', (field, command, message) => {
    expect(() => backlogItemDecider.decide(command, initialBacklogItem())).toThrow(message);
    expect(fieldOf(command, initialBacklogItem())).toBe(field);
  });

  it('refuses a criterion listed twice', () =>
    expect(
      fieldOf(
        create({
          acceptanceCriteria: [
            { id: criterionA, given: 'a', when: 'b', then: 'c' },
            { id: criterionA, given: 'd', when: 'e', then: 'f' },
          ],
        }),
        initialBacklogItem(),
      ),
    ).toBe('acceptanceCriteria'));

  it('is for teammates only', () =>
    given([])
      .when(create({ actor: customer }))
      .thenThrows(ActionForbidden, /teammate/));

  it('refuses to create an item twice', () =>
    given([created()])
      .when(create())
      .thenThrows(DomainRuleViolation, /already exists/));
});

describe('EditBacklogItem', () => {
  const edit = (over: Partial<Extract<BacklogItemCommand, { type: 'EditBacklogItem' }>> = {}) =>
    ({ type: 'EditBacklogItem', itemId, actor: teammate, ...over }) as BacklogItemCommand;

  it('records only the fields that change', () =>
    given([created({ estimate: 3, labels: ['csv'] })])
      .when(
        edit({
          title: 'Export the backlog as CSV',
          estimate: 5,
          labels: ['csv'],
          description: 'Columns as on screen',
        }),
      )
      .then([
        {
          type: 'BacklogItemEdited',
          data: { itemId, estimate: 5, description: 'Columns as on screen', by: teammate.id },
        },
      ]));

  it('clears the estimate and the owner with null', () =>
    given([created({ estimate: 3, ownerId: teammate.id })])
      .when(edit({ estimate: null, ownerId: null }))
      .then([
        {
          type: 'BacklogItemEdited',
          data: { itemId, estimate: null, ownerId: null, by: teammate.id },
        },
      ]));

  it('records nothing when nothing changes', () =>
    given([created()])
      .when(edit({ title: ' Export the backlog as CSV ', parentId: null }))
      .thenNothingHappens());

  it('moves a story under an epic, and out again', () => {
    given([created()])
      .when(edit({ parentId: epicId, parent: epic }))
      .then([{ type: 'BacklogItemEdited', data: { itemId, parentId: epicId, by: teammate.id } }]);
    given([created({ parentId: epicId })])
      .when(edit({ parentId: null }))
      .then([{ type: 'BacklogItemEdited', data: { itemId, parentId: null, by: teammate.id } }]);
  });

  it('obeys the parent rules', () => {
    expect(fieldOf(edit({ parentId: storyId, parent: story }), item(created()))).toBe('parentId');
    expect(fieldOf(edit({ parentId: epicId, parent: epic }), item(created({ kind: 'epic' })))).toBe(
      'parentId',
    );
  });

  it('validates the fields given', () =>
    expect(fieldOf(edit({ title: 'x' }), item(created()))).toBe('title'));

  it('hands the item to a teammate only', () => {
    given([created()])
      .when(edit({ ownerId: teammate.id, ownerIsTeammate: true }))
      .then([
        { type: 'BacklogItemEdited', data: { itemId, ownerId: teammate.id, by: teammate.id } },
      ]);
    expect(fieldOf(edit({ ownerId: customer.id, ownerIsTeammate: false }), item(created()))).toBe(
      'ownerId',
    );
  });

  it('answers 404 for an item that does not exist', () =>
    given([])
      .when(edit({ title: 'Anything' }))
      .thenThrows(AggregateNotFound));

  it('is for teammates only', () =>
    given([created()])
      .when(edit({ title: 'Mine now', actor: customer }))
      .thenThrows(ActionForbidden));
});

describe('ChangeAcceptanceCriteria', () => {
  const change = (criteria: { id: string; given: string; when: string; then: string }[]) =>
    ({ type: 'ChangeAcceptanceCriteria', itemId, criteria, actor: teammate }) as const;
  const text = (id: string, then = 'I get a CSV file') => ({
    id,
    given: 'a backlog',
    when: 'I export it',
    then,
  });

  it('rewrites the ordered list; a kept criterion keeps met, a new one starts unmet', () =>
    given([created({ acceptanceCriteria: [criterion(criterionA, true)] })])
      .when(change([text(criterionB), text(criterionA, 'I get a CSV file with headers')]))
      .then([
        {
          type: 'AcceptanceCriteriaChanged',
          data: {
            itemId,
            criteria: [
              criterion(criterionB),
              { ...criterion(criterionA, true), then: 'I get a CSV file with headers' },
            ],
            by: teammate.id,
          },
        },
      ]));

  it('records nothing when the list is the same', () =>
    given([created({ acceptanceCriteria: [criterion(criterionA, true)] })])
      .when(change([text(criterionA)]))
      .thenNothingHappens());

  it('names the criterion and part at fault', () =>
    expect(
      fieldOf(change([text(criterionA), { ...text(criterionB), when: '' }]), item(created())),
    ).toBe('criteria.1.when'));

  it('may empty the list', () =>
    given([created({ acceptanceCriteria: [criterion(criterionA)] })])
      .when(change([]))
      .then([
        { type: 'AcceptanceCriteriaChanged', data: { itemId, criteria: [], by: teammate.id } },
      ]));
});

describe('CheckAcceptanceCriterion', () => {
  const check = (criterionId: string, met: boolean) =>
    ({ type: 'CheckAcceptanceCriterion', itemId, criterionId, met, actor: teammate }) as const;

  it('checks a criterion off, and back', () => {
    given([created({ acceptanceCriteria: [criterion(criterionA)] })])
      .when(check(criterionA, true))
      .then([
        {
          type: 'AcceptanceCriterionChecked',
          data: { itemId, criterionId: criterionA, met: true, by: teammate.id },
        },
      ]);
    given([created({ acceptanceCriteria: [criterion(criterionA, true)] })])
      .when(check(criterionA, false))
      .then([
        {
          type: 'AcceptanceCriterionChecked',
          data: { itemId, criterionId: criterionA, met: false, by: teammate.id },
        },
      ]);
  });

  it('records nothing when it already is so', () =>
    given([created({ acceptanceCriteria: [criterion(criterionA, true)] })])
      .when(check(criterionA, true))
      .thenNothingHappens());

  it('refuses an unknown criterion, naming criterionId', () =>
    expect(
      fieldOf(
        check(criterionB, true),
        item(created({ acceptanceCriteria: [criterion(criterionA)] })),
      ),
    ).toBe('criterionId'));
});

describe('RankBacklogItem', () => {
  const rank = (to: string) =>
    ({ type: 'RankBacklogItem', itemId, rank: to, actor: teammate }) as const;

  it('moves with one event', () =>
    given([created()])
      .when(rank('a0V'))
      .then([{ type: 'BacklogItemRanked', data: { itemId, rank: 'a0V', by: teammate.id } }]));

  it('records nothing for the same rank', () =>
    given([created()]).when(rank('a0')).thenNothingHappens());

  it('refuses a rank that is not a key', () =>
    expect(fieldOf(rank('a 0'), item(created()))).toBe('rank'));
});

describe('LinkFeedback and UnlinkFeedback', () => {
  const link = (known: Record<string, Feedback>) =>
    ({ type: 'LinkFeedback', itemId, feedbackId, feedback: known, actor: teammate }) as const;
  const unlink = { type: 'UnlinkFeedback', itemId, feedbackId, actor: teammate } as const;
  const linked: BacklogItemEvent = {
    type: 'FeedbackLinkedToBacklogItem',
    data: { itemId, feedbackId, by: teammate.id },
  };

  it('links feedback of the workspace', () =>
    given([created()])
      .when(link({ [feedbackId]: openFeedback }))
      .then([linked]));

  it('records nothing when it is already linked', () =>
    given([created(), linked])
      .when(link({ [feedbackId]: openFeedback }))
      .thenNothingHappens());

  it('refuses merged feedback, naming the survivor to link instead', () =>
    given([created()])
      .when(link({ [feedbackId]: mergedFeedback, [survivorId]: survivor }))
      .thenThrows(
        DomainRuleViolation,
        `"CSV please" was merged into "Export the backlog" (${survivorId}); link that one instead.`,
      ));

  it('refuses feedback that does not exist, naming feedbackId', () =>
    expect(fieldOf(link({}), item(created()))).toBe('feedbackId'));

  it('unlinks, and records nothing for feedback not linked', () => {
    given([created(), linked])
      .when(unlink)
      .then([
        { type: 'FeedbackUnlinkedFromBacklogItem', data: { itemId, feedbackId, by: teammate.id } },
      ]);
    given([created()]).when(unlink).thenNothingHappens();
  });

  it('is for teammates only', () =>
    given([created()])
      .when({ ...unlink, actor: customer })
      .thenThrows(ActionForbidden));
});

describe('SetInitiative', () => {
  const set = (id: string | null, facts = { exists: true, archived: false }) =>
    ({
      type: 'SetInitiative',
      itemId,
      initiativeId: id,
      initiative: facts,
      actor: teammate,
    }) as const;
  const setEvent = (id: string | null): BacklogItemEvent => ({
    type: 'BacklogItemInitiativeSet',
    data: { itemId, initiativeId: id, by: teammate.id },
  });

  it('puts the item on an initiative and takes it off', () => {
    given([created()])
      .when(set(initiativeId))
      .then([setEvent(initiativeId)]);
    given([created(), setEvent(initiativeId)])
      .when(set(null))
      .then([setEvent(null)]);
  });

  it('records nothing when it is already so', () =>
    given([created(), setEvent(initiativeId)])
      .when(set(initiativeId))
      .thenNothingHappens());

  it.each([
    ['missing', { exists: false, archived: false }, /no initiative/],
    ['archived', { exists: true, archived: true }, /archived/],
  ])('refuses an initiative that is %s, naming initiativeId', (_, facts, message) => {
    given([created()]).when(set(initiativeId, facts)).thenThrows(DomainRuleViolation, message);
    expect(fieldOf(set(initiativeId, facts), item(created()))).toBe('initiativeId');
  });
});

describe('Definition of Ready', () => {
  it('needs acceptance criteria and an estimate', () => {
    const ready = item(created({ acceptanceCriteria: [criterion(criterionA)], estimate: 3 }));
    const bare = item(created());
    if (!ready.exists || !bare.exists) throw new Error('created');
    expect(whyNotReady(ready)).toBeNull();
    expect(whyNotReady(bare)).toBe(
      '"Export the backlog as CSV" is not ready: it needs acceptance criteria and an estimate.',
    );
  });
});
