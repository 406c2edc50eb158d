import type { Actor } from '../shared/actor';
import { DomainRuleViolation } from '../shared/errors';
import { initialCatalog, type Catalog } from '../catalog/catalog';
import { evolveBacklogItem, initialBacklogItem, type BacklogItem } from '../backlog/backlog-item';
import { backlogItemStreamId, type BacklogItemEvent } from '../backlog/backlog.events';
import { evolveFeedback, initialFeedback, type Feedback } from '../feedback/feedback';
import { feedbackStreamId } from '../feedback/feedback.decider';
import type { FeedbackEvent } from '../feedback/feedback.events';
import { releaseNotificationsStreamId } from '../notifications/notification.events';
import { decidePublication, type Publication } from './publish';
import { evolveRelease, initialRelease, type Release } from './release';
import { releaseStreamId, type ReleaseEvent } from './release.events';

const releaseId = '0f1e2d3c-4b5a-4968-8776-655443322110';
const darkModeItem = '11111111-2222-4333-8444-555555555555';
const exportItem = '66666666-7777-4888-8999-aaaaaaaaaaaa';
const sprintId = 'bbbbbbbb-cccc-4ddd-8eee-ffffffffffff';
const darkMode = '7b0c3c52-1c7a-4c53-9a4b-1f3e2b7b9f10';
const csvExport = '2c9e1f4a-6b3d-4e8f-9a1b-3c5d7e9f1a2b';
const duplicate = '3d0f2a5b-7c4e-4f9a-8b2c-4d6e8f0a2b3c';
const survivor = '4e1a3b6c-8d5f-4a0b-9c3d-5e7f9a1b3c4d';
const teammate: Actor = { id: 'user-teammate', role: 'teammate' };
const admin: Actor = { id: 'user-admin', role: 'admin' };
const now = '2027-03-01T10:00:00.000Z';

const acceptedItem = (itemId: string, feedbackIds: string[]): BacklogItem => {
  const by = teammate.id;
  const life: BacklogItemEvent[] = [
    {
      type: 'BacklogItemCreated',
      data: {
        itemId,
        kind: 'story',
        parentId: null,
        title: 'An item',
        description: '',
        acceptanceCriteria: [],
        estimate: 2,
        labels: [],
        ownerId: null,
        rank: 'a0',
        createdBy: by,
      },
    },
    ...feedbackIds.map((feedbackId): BacklogItemEvent => ({
      type: 'FeedbackLinkedToBacklogItem',
      data: { itemId, feedbackId, by },
    })),
    { type: 'BacklogItemPlanned', data: { itemId, sprintId, by } },
    {
      type: 'BacklogItemWorkStateChanged',
      data: { itemId, sprintId, from: 'todo', to: 'done', by },
    },
    { type: 'BacklogItemAccepted', data: { itemId, sprintId, points: 2, by } },
  ];
  return life.reduce(evolveBacklogItem, initialBacklogItem());
};

const feedbackAfter = (id: string, ...later: FeedbackEvent[]): Feedback =>
  [
    {
      type: 'FeedbackSubmitted',
      data: {
        feedbackId: id,
        title: 'Please',
        description: '',
        boardId: 'general',
        authorId: 'customer-author',
        statusId: 'open',
        moderation: 'approved',
        source: 'app',
        capturedBy: null,
        quote: null,
        categoryId: null,
      },
    } satisfies FeedbackEvent,
    ...later,
  ].reduce(evolveFeedback, initialFeedback());

const releaseOf = (itemIds: string[], scheduledBy?: Actor): Release => {
  const by = teammate.id;
  const events: ReleaseEvent[] = [
    { type: 'ReleaseCreated', data: { releaseId, name: 'Spring release', date: '2027-03-15', by } },
    ...itemIds.map((itemId): ReleaseEvent => ({
      type: 'ReleaseItemAdded',
      data: { releaseId, itemId, by },
    })),
    {
      type: 'ChangelogEntryWritten',
      data: { releaseId, title: 'Spring release', body: 'New things', by },
    },
  ];
  if (scheduledBy) {
    events.push({
      type: 'ChangelogEntryScheduled',
      data: { releaseId, publishAt: '2027-03-01T09:00:00.000Z', by: scheduledBy.id },
    });
  }
  return events.reduce(evolveRelease, initialRelease());
};

const items = {
  [darkModeItem]: acceptedItem(darkModeItem, [darkMode]),
  [exportItem]: acceptedItem(exportItem, [csvExport, duplicate]),
};
const feedback = new Map<string, Feedback>([
  [darkMode, feedbackAfter(darkMode)],
  [csvExport, feedbackAfter(csvExport)],
  [
    duplicate,
    feedbackAfter(duplicate, {
      type: 'FeedbackMerged',
      data: { feedbackId: duplicate, intoId: survivor, by: teammate.id },
    }),
  ],
]);

const counter = () => {
  let next = 0;
  return () => `00000000-0000-4000-8000-${String(++next).padStart(12, '0')}`;
};

const publication = (over: Partial<Publication> = {}): Publication => ({
  command: { type: 'PublishRelease', releaseId, items, now, actor: teammate },
  release: releaseOf([darkModeItem, exportItem]),
  feedback,
  catalog: initialCatalog(),
  recipients: new Map(),
  newId: counter(),
  ...over,
});

const streamsOf = (over: Partial<Publication> = {}) =>
  new Map(decidePublication(publication(over)).map((a) => [a.streamId, a.events]));

const shippedTo = (feedbackId: string, to: string, by = teammate.id): FeedbackEvent => ({
  type: 'FeedbackStatusChanged',
  data: { feedbackId, from: 'open', to, toKind: 'done', changedBy: by },
});

describe('decidePublication', () => {
  it('publishes the release and releases each of its items', () => {
    const streams = streamsOf();
    expect(streams.get(releaseStreamId(releaseId))).toEqual([
      {
        type: 'ReleasePublished',
        data: {
          releaseId,
          publishedAt: now,
          itemIds: [darkModeItem, exportItem],
          feedbackIds: [darkMode, csvExport, duplicate],
          by: teammate.id,
        },
      },
    ]);
    for (const itemId of [darkModeItem, exportItem]) {
      expect(streams.get(backlogItemStreamId(itemId))).toEqual([
        { type: 'BacklogItemReleased', data: { itemId, releaseId, by: teammate.id } },
      ]);
    }
  });

  it('marks linked feedback done, even where the workflow allows no move from open to done', () => {
    const streams = streamsOf();
    expect(streams.get(feedbackStreamId(darkMode))).toEqual([shippedTo(darkMode, 'done')]);
    expect(streams.get(feedbackStreamId(csvExport))).toEqual([shippedTo(csvExport, 'done')]);
  });

  it("uses the workflow's first status of the done kind", () => {
    const catalog: Catalog = initialCatalog();
    const shipped = {
      id: 'shipped',
      name: 'Shipped',
      colour: '#22c55e',
      kind: 'done' as const,
      transitions: [],
    };
    const streams = streamsOf({
      catalog: { ...catalog, statuses: [shipped, ...catalog.statuses] },
    });
    expect(streams.get(feedbackStreamId(darkMode))).toEqual([shippedTo(darkMode, 'shipped')]);
  });

  it('leaves merged duplicates alone: their survivor is what people see', () =>
    expect(streamsOf().has(feedbackStreamId(duplicate))).toBe(false));

  it('leaves feedback that is already done alone', () => {
    const done = feedbackAfter(darkMode, shippedTo(darkMode, 'done'));
    const streams = streamsOf({ feedback: new Map([...feedback, [darkMode, done]]) });
    expect(streams.has(feedbackStreamId(darkMode))).toBe(false);
    expect(streams.get(feedbackStreamId(csvExport))).toHaveLength(1);
  });

  it('notifies each person once, with every linked feedback they asked for', () => {
    const streams = streamsOf({
      recipients: new Map([
        ['person-b', [csvExport, darkMode, darkMode]],
        ['person-a', [duplicate]],
        // Asked only for feedback this release does not deliver: nothing to say.
        ['person-c', [survivor]],
      ]),
    });
    expect(streams.get(releaseNotificationsStreamId(releaseId))).toEqual([
      {
        type: 'PersonNotified',
        data: {
          notificationId: '00000000-0000-4000-8000-000000000001',
          personId: 'person-a',
          kind: 'feedback_shipped',
          releaseId,
          releaseName: 'Spring release',
          feedbackIds: [duplicate],
        },
      },
      {
        type: 'PersonNotified',
        data: {
          notificationId: '00000000-0000-4000-8000-000000000002',
          personId: 'person-b',
          kind: 'feedback_shipped',
          releaseId,
          releaseName: 'Spring release',
          feedbackIds: [csvExport, darkMode].sort(),
        },
      },
    ]);
  });

  it('appends nothing to the notifications stream when nobody asked', () =>
    expect(streamsOf().has(releaseNotificationsStreamId(releaseId))).toBe(false));

  it('skips linked feedback that does not exist', () => {
    const streams = streamsOf({
      feedback: new Map([...feedback].filter(([id]) => id !== csvExport)),
      recipients: new Map([['person-a', [csvExport]]]),
    });
    expect(streams.has(feedbackStreamId(csvExport))).toBe(false);
    expect(streams.has(releaseNotificationsStreamId(releaseId))).toBe(false);
  });

  it('refuses to publish twice, so nobody is notified twice', () => {
    const release = [
      {
        type: 'ReleasePublished',
        data: { releaseId, publishedAt: now, itemIds: [], feedbackIds: [], by: teammate.id },
      } satisfies ReleaseEvent,
    ].reduce(evolveRelease, releaseOf([darkModeItem, exportItem]));
    expect(() => decidePublication(publication({ release }))).toThrow(DomainRuleViolation);
  });

  describe('when the schedule comes due', () => {
    const due = (at: string): Publication['command'] => ({
      type: 'PublishDueRelease',
      releaseId,
      items,
      now: at,
    });

    it('publishes in the name of whoever scheduled it', () => {
      const streams = streamsOf({
        command: due(now),
        release: releaseOf([darkModeItem, exportItem], admin),
      });
      expect(streams.get(releaseStreamId(releaseId))?.[0]?.data).toMatchObject({ by: admin.id });
      expect(streams.get(feedbackStreamId(darkMode))).toEqual([
        shippedTo(darkMode, 'done', admin.id),
      ]);
    });

    it('does nothing before it is due', () =>
      expect(
        decidePublication(
          publication({
            command: due('2027-03-01T08:59:59.000Z'),
            release: releaseOf([darkModeItem, exportItem], admin),
          }),
        ),
      ).toEqual([]));
  });
});
