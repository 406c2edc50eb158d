import { randomUUID } from 'node:crypto';
import {
  LOG_START,
  PostgresEventStore,
  catchUp,
  rebuildProjection,
  type CommandContext,
} from '@chorus/event-store';
import { createTestDatabase, type TestDatabase } from '@chorus/event-store/testing';
import {
  changeNotificationsStreamId,
  notificationReadsStreamId,
  releaseNotificationsStreamId,
} from '@chorus/domain';
import { notificationsProjection } from './notifications.projection';

type Row = {
  id: string;
  workspace_id: string;
  person_id: string;
  kind: string;
  release_id: string | null;
  release_name: string | null;
  feedback_ids: string[];
  by_id: string | null;
  feedback_title: string | null;
  status_id: string | null;
  status_name: string | null;
  comment_id: string | null;
  into_feedback_id: string | null;
  into_feedback_title: string | null;
  created_at: string;
  read_at: string | null;
};

describe('notifications projection', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  const workspaceId = randomUUID();
  const [spring, summer] = [randomUUID(), randomUUID()];
  const [darkMode, csvExport] = [randomUUID(), randomUUID()];
  const ids = {
    cleoSpring: randomUUID(),
    ottoSpring: randomUUID(),
    cleoSummer: randomUUID(),
    cleoPlanned: randomUUID(),
    ottoReply: randomUUID(),
    tomMentioned: randomUUID(),
    ottoMerged: randomUUID(),
  };
  const [comment, nightTheme] = [randomUUID(), randomUUID()];
  let clock = Date.parse('2027-03-01T09:00:00.000Z');
  const context = (actorId: string): CommandContext => ({
    workspaceId,
    actorId,
    correlationId: randomUUID(),
    occurredAt: new Date((clock += 60_000)).toISOString(),
  });
  const notified = (
    notificationId: string,
    personId: string,
    releaseId: string,
    feedbackIds: string[],
  ) => ({
    type: 'PersonNotified',
    data: {
      notificationId,
      personId,
      kind: 'feedback_shipped',
      releaseId,
      releaseName: releaseId === spring ? 'Spring' : 'Summer',
      feedbackIds,
    },
  });
  const aboutDarkMode = { feedbackId: darkMode, feedbackTitle: 'Dark mode' };
  const read = (personId: string, notificationIds: string[]) => ({
    type: 'NotificationsRead',
    data: { personId, notificationIds },
  });
  const rows = () =>
    db.dataSource.query<Row[]>(
      `SELECT id, workspace_id, person_id, kind, release_id, release_name, feedback_ids, by_id,
         feedback_title, status_id, status_name, comment_id, into_feedback_id, into_feedback_title,
         to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') AS created_at,
         to_char(read_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') AS read_at
       FROM notifications ORDER BY person_id, created_at`,
    );

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.dataSource);
    await store.append(
      releaseNotificationsStreamId(spring),
      0,
      [
        notified(ids.cleoSpring, 'cleo', spring, [darkMode, csvExport]),
        notified(ids.ottoSpring, 'otto', spring, [darkMode]),
      ],
      context('tom'),
    );
    await store.append(
      notificationReadsStreamId('cleo'),
      0,
      [read('cleo', [ids.cleoSpring])],
      context('cleo'),
    );
    await store.append(
      releaseNotificationsStreamId(summer),
      0,
      [notified(ids.cleoSummer, 'cleo', summer, [csvExport])],
      context('tom'),
    );
    await store.append(
      changeNotificationsStreamId(`feedback-${darkMode}`, 4),
      0,
      [
        {
          type: 'PersonNotified',
          data: {
            notificationId: ids.cleoPlanned,
            personId: 'cleo',
            kind: 'status_changed',
            ...aboutDarkMode,
            statusId: 'planned',
            statusName: 'Planned',
            by: 'tom',
          },
        },
      ],
      context('tom'),
    );
    await store.append(
      changeNotificationsStreamId(`comment-${comment}`, 1),
      0,
      [
        {
          type: 'PersonNotified',
          data: {
            notificationId: ids.ottoReply,
            personId: 'otto',
            kind: 'comment_posted',
            ...aboutDarkMode,
            commentId: comment,
            by: 'ada',
          },
        },
        {
          type: 'PersonNotified',
          data: {
            notificationId: ids.tomMentioned,
            personId: 'tom',
            kind: 'mentioned',
            ...aboutDarkMode,
            commentId: comment,
            by: 'ada',
          },
        },
      ],
      context('ada'),
    );
    await store.append(
      changeNotificationsStreamId(`feedback-${nightTheme}`, 2),
      0,
      [
        {
          type: 'PersonNotified',
          data: {
            notificationId: ids.ottoMerged,
            personId: 'otto',
            kind: 'feedback_merged',
            feedbackId: nightTheme,
            feedbackTitle: 'Night theme',
            intoFeedbackId: darkMode,
            intoFeedbackTitle: 'Dark mode',
            by: 'ada',
          },
        },
      ],
      context('ada'),
    );
    // Reading again later, and naming someone else's notification, changes nothing.
    await store.append(
      notificationReadsStreamId('cleo'),
      1,
      [read('cleo', [ids.cleoSpring, ids.ottoSpring, ids.cleoPlanned])],
      context('cleo'),
    );
  });
  afterAll(() => db.drop());

  it('lists each notification once, read when its own person first read it', async () => {
    await catchUp(db.dataSource, store, notificationsProjection);
    const noActivity = {
      by_id: null,
      feedback_title: null,
      status_id: null,
      status_name: null,
      comment_id: null,
      into_feedback_id: null,
      into_feedback_title: null,
    };
    const activity = {
      ...noActivity,
      workspace_id: workspaceId,
      release_id: null,
      release_name: null,
    };
    expect(await rows()).toEqual([
      {
        id: ids.cleoSpring,
        workspace_id: workspaceId,
        person_id: 'cleo',
        kind: 'feedback_shipped',
        release_id: spring,
        release_name: 'Spring',
        feedback_ids: [darkMode, csvExport],
        ...noActivity,
        created_at: '2027-03-01 09:01',
        read_at: '2027-03-01 09:02',
      },
      expect.objectContaining({
        id: ids.cleoSummer,
        release_name: 'Summer',
        feedback_ids: [csvExport],
        created_at: '2027-03-01 09:03',
        read_at: null,
      }),
      {
        ...activity,
        id: ids.cleoPlanned,
        person_id: 'cleo',
        kind: 'status_changed',
        feedback_ids: [darkMode],
        by_id: 'tom',
        feedback_title: 'Dark mode',
        status_id: 'planned',
        status_name: 'Planned',
        created_at: '2027-03-01 09:04',
        read_at: '2027-03-01 09:07',
      },
      expect.objectContaining({ id: ids.ottoSpring, person_id: 'otto', read_at: null }),
      {
        ...activity,
        id: ids.ottoReply,
        person_id: 'otto',
        kind: 'comment_posted',
        feedback_ids: [darkMode],
        by_id: 'ada',
        feedback_title: 'Dark mode',
        comment_id: comment,
        created_at: '2027-03-01 09:05',
        read_at: null,
      },
      {
        ...activity,
        id: ids.ottoMerged,
        person_id: 'otto',
        kind: 'feedback_merged',
        feedback_ids: [nightTheme],
        by_id: 'ada',
        feedback_title: 'Night theme',
        into_feedback_id: darkMode,
        into_feedback_title: 'Dark mode',
        created_at: '2027-03-01 09:06',
        read_at: null,
      },
      expect.objectContaining({
        id: ids.tomMentioned,
        person_id: 'tom',
        kind: 'mentioned',
        comment_id: comment,
        created_at: '2027-03-01 09:05',
      }),
    ]);
  });

  it('ends with the same rows whatever the batch size, and after replaying the log', async () => {
    const whole = await rows();
    for (const batchSize of [1, 3, 500]) {
      await rebuildProjection(db.dataSource, store, notificationsProjection, batchSize);
      expect({ batchSize, rows: await rows() }).toEqual({ batchSize, rows: whole });
    }
    const events = await store.readLog(LOG_START, 1000);
    await db.dataSource.transaction((tx) =>
      notificationsProjection.applyBatch(
        tx,
        events.filter((e) => notificationsProjection.handles.has(e.type)),
      ),
    );
    expect(await rows()).toEqual(whole);
  });
});
