import { randomUUID } from 'node:crypto';
import {
  LOG_START,
  PostgresEventStore,
  catchUp,
  rebuildProjection,
  type CommandContext,
} from '@chorus/event-store';
import { createTestDatabase, type TestDatabase } from '@chorus/event-store/testing';
import { changeNotificationsStreamId, releaseNotificationsStreamId } from '@chorus/domain';
import { emailOutboxProjection } from './email-outbox.projection';

type OutboxRow = { id: string; person_id: string; kind: string; notification: unknown };
type DeliveryRow = { id: string; person_id: string; category: string; status: string };

describe('email_outbox projection', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  const workspaceId = randomUUID();
  const [spring, darkMode] = [randomUUID(), randomUUID()];
  const ids = { cleo: randomUUID(), otto: randomUUID(), tomStatus: randomUUID() };
  const context = (actorId: string): CommandContext => ({
    workspaceId,
    actorId,
    correlationId: randomUUID(),
  });
  const shipped = (notificationId: string, personId: string) => ({
    notificationId,
    personId,
    kind: 'feedback_shipped',
    releaseId: spring,
    releaseName: 'Spring',
    feedbackIds: [darkMode],
  });
  const statusChanged = {
    notificationId: ids.tomStatus,
    personId: 'tom',
    kind: 'status_changed',
    feedbackId: darkMode,
    feedbackTitle: 'Dark mode',
    statusId: 'planned',
    statusName: 'Planned',
    by: 'ada',
  };
  const outbox = () =>
    db.dataSource.query<OutboxRow[]>(
      `SELECT id, person_id, kind, notification FROM email_outbox ORDER BY person_id`,
    );
  const deliveries = () =>
    db.dataSource.query<DeliveryRow[]>(
      `SELECT id, person_id, category, status FROM email_deliveries ORDER BY person_id`,
    );

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.dataSource);
    await store.append(
      releaseNotificationsStreamId(spring),
      0,
      [
        { type: 'PersonNotified', data: shipped(ids.cleo, 'cleo') },
        { type: 'PersonNotified', data: shipped(ids.otto, 'otto') },
      ],
      context('ada'),
    );
    await store.append(
      changeNotificationsStreamId(`feedback-${darkMode}`, 3),
      0,
      [{ type: 'PersonNotified', data: statusChanged }],
      context('ada'),
    );
  });
  afterAll(() => db.drop());

  it('keeps what each notification tells, and owes each one delivery in its category', async () => {
    await catchUp(db.dataSource, store, emailOutboxProjection);
    expect(await outbox()).toEqual([
      {
        id: ids.cleo,
        person_id: 'cleo',
        kind: 'feedback_shipped',
        notification: shipped(ids.cleo, 'cleo'),
      },
      expect.objectContaining({ id: ids.otto, person_id: 'otto' }),
      { id: ids.tomStatus, person_id: 'tom', kind: 'status_changed', notification: statusChanged },
    ]);
    expect(await deliveries()).toEqual([
      { id: ids.cleo, person_id: 'cleo', category: 'shipped', status: 'pending' },
      { id: ids.otto, person_id: 'otto', category: 'shipped', status: 'pending' },
      { id: ids.tomStatus, person_id: 'tom', category: 'status_changes', status: 'pending' },
    ]);
  });

  it('ends with the same rows whatever the batch size, and after replaying the log', async () => {
    const whole = await outbox();
    for (const batchSize of [1, 3, 500]) {
      await rebuildProjection(db.dataSource, store, emailOutboxProjection, batchSize);
      expect({ batchSize, rows: await outbox() }).toEqual({ batchSize, rows: whole });
    }
    const events = await store.readLog(LOG_START, 1000);
    await db.dataSource.transaction((tx) =>
      emailOutboxProjection.applyBatch(
        tx,
        events.filter((e) => emailOutboxProjection.handles.has(e.type)),
      ),
    );
    expect(await outbox()).toEqual(whole);
  });

  it('never owes a delivery again once decided: a rebuild or a replay leaves it as it is', async () => {
    await db.dataSource.query(
      `UPDATE email_deliveries SET status = 'sent', attempts = 1 WHERE id = $1`,
      [ids.cleo],
    );
    await db.dataSource.query(`UPDATE email_deliveries SET status = 'skipped' WHERE id = $1`, [
      ids.otto,
    ]);
    const decided = await deliveries();
    await rebuildProjection(db.dataSource, store, emailOutboxProjection, 1);
    const events = await store.readLog(LOG_START, 1000);
    await db.dataSource.transaction((tx) =>
      emailOutboxProjection.applyBatch(
        tx,
        events.filter((e) => emailOutboxProjection.handles.has(e.type)),
      ),
    );
    expect(await deliveries()).toEqual(decided);
    expect(decided.map((d) => d.status)).toEqual(['sent', 'skipped', 'pending']);
  });
});
