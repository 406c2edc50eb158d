import { randomUUID } from 'node:crypto';
import {
  LOG_START,
  PostgresEventStore,
  catchUp,
  rebuildProjection,
  type CommandContext,
} from '@chorus/event-store';
import { createTestDatabase, type TestDatabase } from '@chorus/event-store/testing';
import { releaseStreamId } from '@chorus/domain';
import { releasesProjection } from './releases.projection';

type Row = {
  id: string;
  workspace_id: string;
  name: string;
  date: string;
  item_ids: string[];
  changelog_title: string | null;
  changelog_body: string | null;
  state: string;
  publish_at: string | null;
  published_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
};

describe('releases projection', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  const acme = randomUUID();
  const globex = randomUUID();
  const [spring, summer, elsewhere] = [randomUUID(), randomUUID(), randomUUID()];
  const [darkMode, csvExport, sso] = [randomUUID(), randomUUID(), randomUUID()];
  const by = 'teammate';
  let clock = Date.parse('2027-03-01T09:00:00.000Z');
  const context = (workspaceId: string): CommandContext => ({
    workspaceId,
    actorId: by,
    correlationId: randomUUID(),
    // Each command a minute after the last, so the times in the rows are known.
    occurredAt: new Date((clock += 60_000)).toISOString(),
  });
  const append = async (workspaceId: string, releaseId: string, events: object[]) => {
    const version = (await store.readStream(releaseStreamId(releaseId))).length;
    await store.append(
      releaseStreamId(releaseId),
      version,
      events as { type: string; data: unknown }[],
      context(workspaceId),
    );
  };
  const utc = (column: string) =>
    `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.MS') AS ${column}`;
  const rows = () =>
    db.dataSource.query<Row[]>(
      `SELECT id, workspace_id, name, date::text AS date, item_ids, changelog_title, changelog_body,
         state, ${utc('publish_at')}, ${utc('published_at')}, ${utc('created_at')},
         ${utc('updated_at')}, version
       FROM releases ORDER BY id`,
    );

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.dataSource);
    const created = (releaseId: string, name: string) => ({
      type: 'ReleaseCreated',
      data: { releaseId, name, date: '2027-03-15', by },
    });
    const item = (type: string, releaseId: string, itemId: string) => ({
      type,
      data: { releaseId, itemId, by },
    });
    await append(acme, spring, [created(spring, 'Spring')]);
    await append(acme, summer, [created(summer, 'Summer')]);
    await append(acme, spring, [
      item('ReleaseItemAdded', spring, darkMode),
      item('ReleaseItemAdded', spring, csvExport),
    ]);
    await append(acme, spring, [item('ReleaseItemRemoved', spring, csvExport)]);
    await append(acme, spring, [
      { type: 'ReleaseEdited', data: { releaseId: spring, name: 'Spring 2027', by } },
      {
        type: 'ChangelogEntryWritten',
        data: { releaseId: spring, title: 'Dark mode', body: '## At last', by },
      },
    ]);
    await append(acme, spring, [
      {
        type: 'ChangelogEntryScheduled',
        data: { releaseId: spring, publishAt: '2027-03-02T09:00:00.000Z', by },
      },
    ]);
    await append(acme, summer, [
      item('ReleaseItemAdded', summer, sso),
      { type: 'ReleaseEdited', data: { releaseId: summer, date: '2027-06-21', by } },
      {
        type: 'ChangelogEntryWritten',
        data: { releaseId: summer, title: 'Single sign-on', body: 'SAML', by },
      },
      {
        type: 'ChangelogEntryScheduled',
        data: { releaseId: summer, publishAt: '2027-06-21T08:00:00.000Z', by },
      },
      { type: 'ChangelogEntryUnscheduled', data: { releaseId: summer, by } },
    ]);
    await append(acme, spring, [
      {
        type: 'ReleasePublished',
        data: {
          releaseId: spring,
          publishedAt: '2027-03-02T09:00:05.000Z',
          itemIds: [darkMode],
          feedbackIds: [],
          by,
        },
      },
    ]);
    await append(globex, elsewhere, [created(elsewhere, 'Elsewhere')]);
  });
  afterAll(() => db.drop());

  it('folds each release into one row of its workspace', async () => {
    await catchUp(db.dataSource, store, releasesProjection);
    const byId = new Map((await rows()).map((r) => [r.id, r]));
    expect(byId.get(spring)).toEqual({
      id: spring,
      workspace_id: acme,
      name: 'Spring 2027',
      date: '2027-03-15',
      item_ids: [darkMode],
      changelog_title: 'Dark mode',
      changelog_body: '## At last',
      state: 'published',
      publish_at: '2027-03-02 09:00:00.000',
      published_at: '2027-03-02 09:00:05.000',
      created_at: '2027-03-01 09:01:00.000',
      updated_at: '2027-03-01 09:08:00.000',
      version: 8,
    });
    expect(byId.get(summer)).toMatchObject({
      name: 'Summer',
      date: '2027-06-21',
      item_ids: [sso],
      changelog_title: 'Single sign-on',
      state: 'draft',
      publish_at: null,
      published_at: null,
      version: 6,
    });
    expect(byId.get(elsewhere)).toMatchObject({ workspace_id: globex, state: 'draft' });
  });

  it('ends with the same rows whatever the batch size, and after replaying the log', async () => {
    const whole = await rows();
    for (const batchSize of [1, 3, 500]) {
      await rebuildProjection(db.dataSource, store, releasesProjection, batchSize);
      expect({ batchSize, rows: await rows() }).toEqual({ batchSize, rows: whole });
    }
    const events = await store.readLog(LOG_START, 1000);
    await db.dataSource.transaction((tx) =>
      releasesProjection.applyBatch(
        tx,
        events.filter((e) => releasesProjection.handles.has(e.type)),
      ),
    );
    expect(await rows()).toEqual(whole);
  });
});
