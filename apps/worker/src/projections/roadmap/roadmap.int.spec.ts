import { randomUUID } from 'node:crypto';
import {
  LOG_START,
  PostgresEventStore,
  catchUp,
  rebuildProjection,
  type CommandContext,
} from '@chorus/event-store';
import { createTestDatabase, type TestDatabase } from '@chorus/event-store/testing';
import { roadmapProjection } from './roadmap.projection';

type Row = {
  id: string;
  workspace_id: string;
  title: string;
  description: string;
  lane: string;
  quarter: string | null;
  visibility: string;
  archived: boolean;
  created_at: string;
  updated_at: string;
  version: number;
};

describe('roadmap projection', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  const workspaceId = randomUUID();
  const [sso, search, mobile] = [randomUUID(), randomUUID(), randomUUID()];
  const teammate = 'user-teammate';
  let when = Date.parse('2027-01-03T09:00:00.000Z');
  const context = (): CommandContext => ({
    workspaceId,
    actorId: teammate,
    correlationId: randomUUID(),
    occurredAt: new Date((when += 60_000)).toISOString(),
  });
  const created = (initiativeId: string, title: string, visibility: 'public' | 'internal') => ({
    type: 'InitiativeCreated',
    data: {
      initiativeId,
      title,
      description: '',
      lane: 'later',
      quarter: null,
      visibility,
      by: teammate,
    },
  });
  const rows = () =>
    db.dataSource.query<Row[]>(
      `SELECT id, workspace_id, title, description, lane, quarter, visibility, archived,
         created_at::text AS created_at, updated_at::text AS updated_at, version
       FROM initiatives ORDER BY id`,
    );

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.dataSource);
    await store.append(
      `initiative-${sso}`,
      0,
      [created(sso, 'Single sign-on', 'public')],
      context(),
    );
    await store.append(
      `initiative-${search}`,
      0,
      [created(search, 'Faster search', 'internal')],
      context(),
    );
    await store.append(
      `initiative-${sso}`,
      1,
      [
        {
          type: 'InitiativeEdited',
          data: {
            initiativeId: sso,
            description: 'SAML and OIDC.',
            quarter: '2027-Q2',
            by: teammate,
          },
        },
        {
          type: 'InitiativeMoved',
          data: { initiativeId: sso, from: 'later', to: 'next', by: teammate },
        },
      ],
      context(),
    );
    await store.append(
      `initiative-${mobile}`,
      0,
      [created(mobile, 'Mobile app', 'public')],
      context(),
    );
    await store.append(
      `initiative-${sso}`,
      3,
      [
        {
          type: 'InitiativeMoved',
          data: { initiativeId: sso, from: 'next', to: 'now', by: teammate },
        },
      ],
      context(),
    );
    await store.append(
      `initiative-${mobile}`,
      1,
      [{ type: 'InitiativeArchived', data: { initiativeId: mobile, by: teammate } }],
      context(),
    );
    await catchUp(db.dataSource, store, roadmapProjection);
  });
  afterAll(() => db.drop());

  it('keeps each initiative as its stream left it, archived ones flagged', async () => {
    const all = await rows();
    expect(all.find((r) => r.id === sso)).toMatchObject({
      workspace_id: workspaceId,
      title: 'Single sign-on',
      description: 'SAML and OIDC.',
      lane: 'now',
      quarter: '2027-Q2',
      visibility: 'public',
      archived: false,
      version: 4,
    });
    expect(all.find((r) => r.id === search)).toMatchObject({
      lane: 'later',
      quarter: null,
      visibility: 'internal',
      archived: false,
      version: 1,
    });
    expect(all.find((r) => r.id === mobile)).toMatchObject({ archived: true, version: 2 });
  });

  it('ends with the same rows whatever the batch size, and when a batch is replayed', async () => {
    const whole = await rows();
    expect(whole).toHaveLength(3);
    for (const batchSize of [1, 3, 500]) {
      await rebuildProjection(db.dataSource, store, roadmapProjection, batchSize);
      expect({ batchSize, rows: await rows() }).toEqual({ batchSize, rows: whole });
    }
    // An early batch applied again (a crash before its checkpoint) must not roll anything back.
    const events = await store.readLog(LOG_START, 1000);
    await db.dataSource.transaction((tx) => roadmapProjection.applyBatch(tx, events.slice(0, 4)));
    expect(await rows()).toEqual(whole);
  });
});
