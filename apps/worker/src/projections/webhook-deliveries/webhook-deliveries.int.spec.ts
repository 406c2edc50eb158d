import { randomUUID } from 'node:crypto';
import {
  PostgresEventStore,
  catchUp,
  rebuildProjection,
  type CommandContext,
} from '@chorus/event-store';
import { createTestDatabase, type TestDatabase } from '@chorus/event-store/testing';
import { webhookDeliveriesProjection } from './webhook-deliveries.projection';

type DeliveryRow = {
  delivery_id: string;
  position: string;
  webhook: string;
  subject: string;
  type: string;
  status: string;
};

describe('webhook_deliveries projection', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  const workspaceId = randomUUID();
  const otherWorkspaceId = randomUUID();
  const admin = randomUUID();
  const crm: string = randomUUID();
  const everything: string = randomUUID();
  const names = new Map<string, string>([
    [crm, 'crm'],
    [everything, 'everything'],
  ]);
  const [before, first, second, third, fourth, foreign] = [1, 2, 3, 4, 5, 6].map((): string =>
    randomUUID(),
  ) as [string, string, string, string, string, string];
  const feedbackNames = new Map<string, string>([
    [before, 'before'],
    [first, 'first'],
    [second, 'second'],
    [third, 'third'],
    [fourth, 'fourth'],
    [foreign, 'foreign'],
  ]);
  const submittedType = 'com.chorus.feedback.submitted.v2';
  const context = (workspace = workspaceId): CommandContext => ({
    workspaceId: workspace,
    actorId: admin,
    correlationId: randomUUID(),
  });
  const submit = (feedbackId: string, workspace = workspaceId) =>
    store.append(
      `feedback-${feedbackId}`,
      0,
      [
        {
          type: 'FeedbackSubmitted',
          data: {
            feedbackId,
            title: 'Offline mode',
            description: '',
            boardId: 'general',
            authorId: admin,
            statusId: 'open',
            moderation: 'approved',
            source: 'app',
            capturedBy: null,
            quote: null,
            categoryId: null,
          },
        },
      ],
      context(workspace),
    );
  const webhook = (webhookId: string, version: number, type: string, data: object) =>
    store.append(
      `webhook-${webhookId}`,
      version,
      [{ type, data: { webhookId, by: admin, ...data } }],
      context(),
    );
  const created = (webhookId: string, eventTypes: string[]) =>
    webhook(webhookId, 0, 'WebhookCreated', {
      kind: 'webhook',
      url: 'https://crm.example.com/hooks',
      eventTypes,
      description: '',
    });

  /** Deliveries in log order, then by subscription name, in words. */
  const deliveries = async () =>
    (
      await db.dataSource.query<DeliveryRow[]>(
        `SELECT delivery_id, event_position::text AS position, webhook_id AS webhook,
           stream_id AS subject, event_type AS type, status
         FROM webhook_deliveries`,
      )
    )
      .map(({ position, ...d }) => ({
        ...d,
        position: BigInt(position),
        webhook: names.get(d.webhook) ?? d.webhook,
        subject: d.subject.startsWith('feedback-')
          ? `feedback ${feedbackNames.get(d.subject.slice('feedback-'.length))}`
          : d.subject.replace(/-.*/, ''),
      }))
      .sort((a, b) =>
        a.position === b.position
          ? a.webhook.localeCompare(b.webhook)
          : a.position < b.position
            ? -1
            : 1,
      )
      .map(({ position: _, ...d }) => d);
  const webhookRows = () =>
    db.dataSource.query<Record<string, unknown>[]>(`SELECT * FROM webhooks ORDER BY webhook_id`);

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.dataSource);
    await submit(before);
    await created(crm, [submittedType]);
    await submit(first);
    await created(everything, ['*']);
    await store.append(
      `ballot-${first}-${admin}`,
      0,
      [
        {
          type: 'VoteCast',
          data: { feedbackId: first, voterId: admin, source: 'app', capturedBy: null, quote: null },
        },
      ],
      context(),
    );
    await webhook(crm, 1, 'WebhookPaused', { reason: 'by_admin' });
    await submit(second);
    await webhook(crm, 2, 'WebhookResumed', {});
    await webhook(crm, 3, 'WebhookChanged', { eventTypes: ['*'], description: 'All of it' });
    await submit(third);
    await webhook(everything, 1, 'WebhookDeleted', {});
    await submit(fourth);
    await submit(foreign, otherWorkspaceId);
  });
  afterAll(() => db.drop());

  it('enqueues each event for the subscriptions that wanted it when it was appended', async () => {
    await catchUp(db.dataSource, store, webhookDeliveriesProjection, 2);
    expect((await deliveries()).map(({ delivery_id: _, ...d }) => d)).toEqual([
      { webhook: 'crm', subject: 'feedback first', type: submittedType, status: 'pending' },
      // Its own creation is before it; the vote is of a type crm did not choose.
      {
        webhook: 'everything',
        subject: 'ballot',
        type: 'com.chorus.feedback.vote-cast.v2',
        status: 'failed',
      },
      {
        webhook: 'everything',
        subject: 'webhook',
        type: 'com.chorus.workspace.webhook-paused.v1',
        status: 'failed',
      },
      // crm was paused.
      { webhook: 'everything', subject: 'feedback second', type: submittedType, status: 'failed' },
      {
        webhook: 'everything',
        subject: 'webhook',
        type: 'com.chorus.workspace.webhook-resumed.v1',
        status: 'failed',
      },
      {
        webhook: 'everything',
        subject: 'webhook',
        type: 'com.chorus.workspace.webhook-changed.v1',
        status: 'failed',
      },
      { webhook: 'crm', subject: 'feedback third', type: submittedType, status: 'pending' },
      { webhook: 'everything', subject: 'feedback third', type: submittedType, status: 'failed' },
      // everything's own deletion comes to crm, which now wants every type.
      {
        webhook: 'crm',
        subject: 'webhook',
        type: 'com.chorus.workspace.webhook-deleted.v1',
        status: 'pending',
      },
      {
        webhook: 'everything',
        subject: 'webhook',
        type: 'com.chorus.workspace.webhook-deleted.v1',
        status: 'failed',
      },
      { webhook: 'crm', subject: 'feedback fourth', type: submittedType, status: 'pending' },
    ]);
    const rows = await db.dataSource.query<
      { webhook_id: string; paused_reason: string | null; deleted: boolean; version: number }[]
    >(`SELECT webhook_id, paused_reason, deleted, version FROM webhooks`);
    expect(
      rows.map((r) => [names.get(r.webhook_id), r.paused_reason, r.deleted, r.version]).sort(),
    ).toEqual([
      ['crm', null, false, 4],
      ['everything', null, true, 2],
    ]);
  });

  it('ends with the same subscriptions whatever the batch size, and enqueues nothing again', async () => {
    const enqueued = await deliveries();
    const rows = await webhookRows();
    for (const batchSize of [1, 3, 500]) {
      await rebuildProjection(db.dataSource, store, webhookDeliveriesProjection, batchSize);
      expect(await webhookRows()).toEqual(rows);
      expect(await deliveries()).toEqual(enqueued);
    }
    // Applying the whole log again over the rows changes nothing either.
    const events = await store.readLog({ transactionId: '0', globalPosition: '0' }, 1000);
    await db.dataSource.transaction((tx) => webhookDeliveriesProjection.applyBatch(tx, events));
    expect(await webhookRows()).toEqual(rows);
    expect(await deliveries()).toEqual(enqueued);
  });
});
