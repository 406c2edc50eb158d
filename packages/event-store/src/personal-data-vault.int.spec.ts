import { randomUUID } from 'node:crypto';
import { LOG_START, PostgresEventStore } from './event-store';
import { ErasedSubject, destroyPersonalDataKey } from './personal-data-vault';
import { createTestDatabase, type TestDatabase } from './testing';

const workspaceId = randomUUID();
const context = { workspaceId, actorId: 'tester', correlationId: randomUUID() };
const created = (customerId: string, name: string, email: string | null) => ({
  type: 'CustomerCreated',
  data: { customerId, externalId: `crm-${name}`, email, name, companyId: null },
});

describe('personal data in the log, sealed per person', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  const stored = async (streamId: string) =>
    (
      await db.dataSource.query<{ data: Record<string, unknown> }[]>(
        `SELECT data FROM events WHERE stream_id = $1 ORDER BY version`,
        [streamId],
      )
    ).map((r) => r.data);

  beforeAll(async () => {
    db = await createTestDatabase(4);
    store = new PostgresEventStore(db.dataSource);
  });
  afterAll(() => db.drop());

  it('stores personal fields sealed, and reads them back opened, on every read path', async () => {
    const ada = randomUUID();
    await store.append(
      `customer-${ada}`,
      0,
      [created(ada, 'Ada Lovelace', 'ada@example.com')],
      context,
    );
    const [raw] = await stored(`customer-${ada}`);
    expect(raw).toMatchObject({ customerId: ada, companyId: null });
    for (const field of ['externalId', 'email', 'name']) {
      expect(raw?.[field]).toMatch(/^sealed:v1:/);
    }
    expect(JSON.stringify(raw)).not.toMatch(/Ada|ada@/);
    const opened = {
      customerId: ada,
      externalId: 'crm-Ada Lovelace',
      email: 'ada@example.com',
      name: 'Ada Lovelace',
      companyId: null,
    };
    expect((await store.readStream(`customer-${ada}`))[0]?.data).toEqual(opened);
    const log = await store.readLog(LOG_START, 100);
    expect(log.find((e) => e.streamId === `customer-${ada}`)?.data).toEqual(opened);
    const window = await store.readLogWindow(LOG_START, 100, new Set(['CustomerCreated']));
    expect(window.events.find((e) => e.streamId === `customer-${ada}`)?.data).toEqual(opened);
    const sealed = await store.readLogWindow(
      LOG_START,
      100,
      new Set(['CustomerCreated']),
      db.dataSource,
      'sealed',
    );
    expect(sealed.events.find((e) => e.streamId === `customer-${ada}`)?.data).toEqual(raw);
  });

  it('reads an erased person as erased, everywhere, and never seals anything of theirs again', async () => {
    const bo = randomUUID();
    const cy = randomUUID();
    await store.append(`customer-${bo}`, 0, [created(bo, 'Bo Berg', 'bo@example.com')], context);
    await store.append(`customer-${cy}`, 0, [created(cy, 'Cy Chen', null)], context);
    await destroyPersonalDataKey(db.dataSource, workspaceId, bo);
    expect((await store.readStream(`customer-${bo}`))[0]?.data).toEqual({
      customerId: bo,
      externalId: `erased-${bo}`,
      email: null,
      name: 'Erased customer',
      companyId: null,
    });
    // Someone else's data is untouched.
    expect((await store.readStream(`customer-${cy}`))[0]?.data).toMatchObject({
      name: 'Cy Chen',
      email: null,
    });
    await expect(
      store.append(
        `customer-${bo}`,
        1,
        [{ type: 'CustomerUpdated', data: { customerId: bo, name: 'Bo again' } }],
        context,
      ),
    ).rejects.toThrow(ErasedSubject);
  });

  it('passes plain values of events written before sealing through', async () => {
    const di = randomUUID();
    await db.dataSource.query(
      `INSERT INTO events (stream_id, stream_type, version, event_id, type, schema_version, workspace_id, data, metadata)
       VALUES ($1, 'customer', 1, $2, 'CustomerCreated', 1, $3, $4, $5)`,
      [
        `customer-${di}`,
        randomUUID(),
        workspaceId,
        JSON.stringify(created(di, 'Di Diaz', 'di@example.com').data),
        JSON.stringify({
          workspaceId,
          actorId: 'tester',
          correlationId: randomUUID(),
          causationId: null,
          occurredAt: new Date().toISOString(),
        }),
      ],
    );
    expect((await store.readStream(`customer-${di}`))[0]?.data).toMatchObject({ name: 'Di Diaz' });
  });
});
