import { randomUUID } from 'node:crypto';
import { backlogItemStreamId, type BacklogItemEvent } from '@chorus/domain';
import {
  PostgresEventStore,
  catchUp,
  rebuildProjection,
  type CommandContext,
} from '@chorus/event-store';
import { createTestDatabase, type TestDatabase } from '@chorus/event-store/testing';
import { backlogProjection } from './backlog.projection';

type ItemRow = {
  id: string;
  workspace_id: string;
  kind: string;
  parent_id: string | null;
  title: string;
  description: string;
  acceptance_criteria: unknown;
  estimate: string | null;
  labels: string[];
  owner_id: string | null;
  rank: string;
  status: string;
  sprint_id: string | null;
  initiative_id: string | null;
  release_id: string | null;
  ready: boolean;
  created_at: Date;
  updated_at: Date;
  version: number;
};

describe('backlog projection', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  const workspaceId = randomUUID();
  const [epicId, storyId, taskId] = [randomUUID(), randomUUID(), randomUUID()];
  const [feedbackA, feedbackB] = [randomUUID(), randomUUID()];
  const [sprintId, initiativeId, releaseId] = [randomUUID(), randomUUID(), randomUUID()];
  const criterionId = randomUUID();
  const by = 'user-teammate';
  const at = (minute: number) => `2027-01-04T09:${String(minute).padStart(2, '0')}:00.000Z`;
  const context = (minute: number): CommandContext => ({
    workspaceId,
    actorId: by,
    correlationId: randomUUID(),
    occurredAt: at(minute),
  });
  const created = (
    itemId: string,
    kind: 'epic' | 'story' | 'task',
    parentId: string | null,
    rank: string,
  ): BacklogItemEvent => ({
    type: 'BacklogItemCreated',
    data: {
      itemId,
      kind,
      parentId,
      title: `The ${kind}`,
      description: '',
      acceptanceCriteria: [],
      estimate: null,
      labels: ['csv'],
      ownerId: null,
      rank,
      createdBy: by,
    },
  });
  const rows = () =>
    db.dataSource.query<ItemRow[]>(`SELECT * FROM backlog_items ORDER BY rank COLLATE "C", id`);
  const links = () =>
    db.dataSource.query<{ item_id: string; feedback_id: string; workspace_id: string }[]>(
      `SELECT item_id, feedback_id, workspace_id FROM backlog_item_feedback ORDER BY item_id, feedback_id`,
    );
  const snapshot = async () => ({ items: await rows(), links: await links() });

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.dataSource);
    await store.append(
      backlogItemStreamId(epicId),
      0,
      [created(epicId, 'epic', null, 'a1')],
      context(0),
    );
    await store.append(
      backlogItemStreamId(storyId),
      0,
      [
        created(storyId, 'story', epicId, 'a2'),
        {
          type: 'FeedbackLinkedToBacklogItem',
          data: { itemId: storyId, feedbackId: feedbackA, by },
        },
        {
          type: 'FeedbackLinkedToBacklogItem',
          data: { itemId: storyId, feedbackId: feedbackB, by },
        },
      ],
      context(1),
    );
    const story: BacklogItemEvent[] = [
      {
        type: 'BacklogItemEdited',
        data: {
          itemId: storyId,
          title: 'Export as CSV',
          estimate: 5,
          labels: ['csv', 'export'],
          by,
        },
      },
      {
        type: 'AcceptanceCriteriaChanged',
        data: {
          itemId: storyId,
          criteria: [
            { id: criterionId, given: 'a backlog', when: 'I export', then: 'a file', met: false },
          ],
          by,
        },
      },
      { type: 'AcceptanceCriterionChecked', data: { itemId: storyId, criterionId, met: true, by } },
      { type: 'BacklogItemRanked', data: { itemId: storyId, rank: 'a0V', by } },
      {
        type: 'FeedbackUnlinkedFromBacklogItem',
        data: { itemId: storyId, feedbackId: feedbackA, by },
      },
      { type: 'BacklogItemInitiativeSet', data: { itemId: storyId, initiativeId, by } },
      { type: 'BacklogItemPlanned', data: { itemId: storyId, sprintId, by } },
      {
        type: 'BacklogItemWorkStateChanged',
        data: { itemId: storyId, sprintId, from: 'todo', to: 'done', by },
      },
      {
        type: 'BacklogItemRejected',
        data: { itemId: storyId, sprintId, reason: 'The header row is missing.', by },
      },
      {
        type: 'BacklogItemWorkStateChanged',
        data: { itemId: storyId, sprintId, from: 'in_progress', to: 'done', by },
      },
      { type: 'BacklogItemAccepted', data: { itemId: storyId, sprintId, points: 5, by } },
      { type: 'BacklogItemReleased', data: { itemId: storyId, releaseId, by } },
      { type: 'BacklogItemFactorsSet', data: { itemId: storyId, factors: { impact: 3 }, by } },
    ];
    // One event per append, each a minute later, so updated_at follows the last one.
    for (const [index, event] of story.entries()) {
      await store.append(backlogItemStreamId(storyId), 3 + index, [event], context(2 + index));
    }
    await store.append(
      backlogItemStreamId(taskId),
      0,
      [
        created(taskId, 'task', storyId, 'a3'),
        { type: 'BacklogItemPlanned', data: { itemId: taskId, sprintId, by } },
        {
          type: 'BacklogItemUnplanned',
          data: { itemId: taskId, sprintId, reason: 'carried_over', by },
        },
        {
          type: 'FeedbackLinkedToBacklogItem',
          data: { itemId: taskId, feedbackId: feedbackA, by },
        },
        {
          type: 'FeedbackUnlinkedFromBacklogItem',
          data: { itemId: taskId, feedbackId: feedbackA, by },
        },
        {
          type: 'FeedbackLinkedToBacklogItem',
          data: { itemId: taskId, feedbackId: feedbackA, by },
        },
      ],
      context(30),
    );
  });
  afterAll(() => db.drop());

  it('folds every event of an item into its row', async () => {
    await catchUp(db.dataSource, store, backlogProjection);
    const [story, epic, task] = await rows();
    expect(story).toEqual({
      id: storyId,
      workspace_id: workspaceId,
      kind: 'story',
      parent_id: epicId,
      title: 'Export as CSV',
      description: '',
      acceptance_criteria: [
        { id: criterionId, given: 'a backlog', when: 'I export', then: 'a file', met: true },
      ],
      estimate: '5',
      labels: ['csv', 'export'],
      owner_id: null,
      rank: 'a0V',
      status: 'released',
      sprint_id: sprintId,
      initiative_id: initiativeId,
      release_id: releaseId,
      ready: true,
      created_at: new Date(at(1)),
      // The factors set last leave everything but the version and time as they were.
      updated_at: new Date(at(14)),
      version: 16,
    });
    expect(epic).toMatchObject({
      id: epicId,
      kind: 'epic',
      ready: false,
      status: 'backlog',
      version: 1,
    });
    expect(task).toMatchObject({
      id: taskId,
      parent_id: storyId,
      status: 'backlog',
      sprint_id: null,
      ready: false,
      version: 6,
    });
    expect(await links()).toEqual(
      [
        { item_id: storyId, feedback_id: feedbackB, workspace_id: workspaceId },
        { item_id: taskId, feedback_id: feedbackA, workspace_id: workspaceId },
      ].sort((a, b) => (a.item_id < b.item_id ? -1 : 1)),
    );
  });

  it('ends with the same rows whatever the batch size, and after replaying the log', async () => {
    const whole = await snapshot();
    for (const batchSize of [1, 3, 500]) {
      await rebuildProjection(db.dataSource, store, backlogProjection, batchSize);
      expect({ batchSize, ...(await snapshot()) }).toEqual({ batchSize, ...whole });
    }
    // Applying the whole log again over the rows changes nothing.
    const events = await store.readLog({ transactionId: '0', globalPosition: '0' }, 1000);
    await db.dataSource.transaction((tx) =>
      backlogProjection.applyBatch(
        tx,
        events.filter((e) => backlogProjection.handles.has(e.type)),
      ),
    );
    expect(await snapshot()).toEqual(whole);
  });

  it('applies a later event after a replay, and keeps the creation time', async () => {
    await store.append(
      backlogItemStreamId(epicId),
      1,
      [{ type: 'BacklogItemRanked', data: { itemId: epicId, rank: 'Zz', by } }],
      context(40),
    );
    await catchUp(db.dataSource, store, backlogProjection);
    const [epic] = await rows();
    expect(epic).toMatchObject({
      id: epicId,
      rank: 'Zz',
      version: 2,
      created_at: new Date(at(0)),
      updated_at: new Date(at(40)),
    });
  });
});
