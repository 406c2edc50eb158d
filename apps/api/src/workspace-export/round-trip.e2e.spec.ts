import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { openPromise, type Entry } from 'yauzl';
import type {
  BacklogItemView,
  ExportedEvent,
  ExportedPerson,
  ExportManifest,
  ExportReadModels,
  Me,
  ReleaseView,
  SprintView,
} from '@chorus/domain';
import { PostgresEventStore, type StoredEvent } from '@chorus/event-store';
import { createTestDatabase, eventually, type TestDatabase } from '@chorus/event-store/testing';
import { projections } from '@chorus/worker';
import type { DataSource } from 'typeorm';
import { provisionWorkspace } from '../identity/provision-workspace';
import { startTestApp, type TestApp } from '../testing/test-app';
import { openExportFile } from './export-file';
import { readModelTables } from './read-model-tables';
import { RestoreRefused, restoreWorkspace } from './restore-workspace';

const ROUTES = [
  '/api/v1/export',
  '/api/v1/export/events.jsonl',
  '/api/v1/export/read-models',
  '/api/v1/export/read-models/feedback_list.csv',
];

/** Everything of a zip, entry by entry, as text: the test's exports are small. */
const unzip = async (path: string): Promise<Map<string, string>> => {
  const zip = await openPromise(path, { lazyEntries: true, autoClose: false });
  const entries: Entry[] = [];
  for await (const entry of zip.eachEntry()) entries.push(entry);
  const files = new Map<string, string>();
  for (const entry of entries) {
    files.set(entry.fileName, await text(await zip.openReadStreamPromise(entry)));
  }
  zip.close();
  return files;
};

const jsonLinesOf = <T>(file: string | undefined): T[] =>
  (file ?? '')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as T);

/** What must survive a restore: everything of an event but where it stands in the log. */
const comparable = (event: StoredEvent) => ({
  streamId: event.streamId,
  streamType: event.streamType,
  version: event.version,
  eventId: event.eventId,
  type: event.type,
  schemaVersion: event.schemaVersion,
  workspaceId: event.workspaceId,
  data: event.data,
  metadata: event.metadata,
});

const eventsOf = async (db: DataSource, workspaceId: string) =>
  (
    await new PostgresEventStore(db).readHistory(workspaceId, { until: '9999-12-31T23:59:59Z' })
  ).map(comparable);

/** Every projection table's rows of the workspace, ordered, every column. */
const readModelsOf = async (db: DataSource, workspaceId: string) => {
  const tables: Record<string, unknown[]> = {};
  for (const { table, orderBy } of await readModelTables(db)) {
    const rows = await db.query<{ row: unknown }[]>(
      `SELECT to_jsonb(t) AS row FROM ${table} t WHERE workspace_id = $1
       ORDER BY ${orderBy.join(', ')}`,
      [workspaceId],
    );
    tables[table] = rows.map((r) => r.row);
  }
  return tables;
};

const peopleOf = (db: DataSource, workspaceId: string) =>
  db.query<ExportedPerson[]>(
    `SELECT id, name, email, role, status FROM users WHERE workspace_id = $1 ORDER BY id`,
    [workspaceId],
  );

/**
 * Export → restore into an empty installation → identical read models: the whole workspace goes
 * out over HTTP as one zip, comes back through the import command's code into a fresh database,
 * and every projection rebuilt there matches the live one row for row, column for column.
 */
describe('workspace export and restore', () => {
  let app: TestApp;
  let workspaceId: string;
  let directory: string;
  let restored: TestDatabase | null = null;

  const ok = async <T>(method: string, path: string, body?: unknown, token?: string) => {
    const response = await app.request<T>(method, path, { body, token });
    if (response.status >= 300) {
      throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
    }
    return response.body;
  };

  const download = async (path: string, token = app.tokens.admin) =>
    fetch(`${app.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });

  /** A realistic workspace: the inbox, customers, the planning loop and an erased customer. */
  const fillWorkspace = async () => {
    const { admin, teammate, customer, otherCustomer } = app.tokens;
    await ok('PUT', '/api/v1/companies/initech', { name: 'Initech', mrrCents: 99_00 });
    await ok('PUT', '/api/v1/companies/umbrella', { name: 'Umbrella', mrrCents: 1_250_00 });
    await ok('PUT', '/api/v1/customers/u-1', {
      name: 'Peter Gibbons',
      email: 'peter@initech.example',
      companyExternalId: 'initech',
    });
    await ok('PUT', '/api/v1/customers/u-1', { name: 'Peter G.' });
    await ok('PUT', '/api/v1/customers/zq-481', {
      name: 'Zelda Quistgaard',
      email: 'zelda@umbrella.example',
      companyExternalId: 'umbrella',
    });
    await ok('POST', '/api/v1/catalog/tags', { id: 'billing', name: 'Billing', colour: '#ff0000' });
    await ok('POST', '/api/v1/catalog/statuses', {
      id: 'in_beta',
      name: 'In beta',
      colour: '#0ea5e9',
      kind: 'active',
    });

    const submit = (title: string, token: string, extra: Record<string, unknown> = {}) =>
      ok<{ id: string }>('POST', '/api/v1/feedback', { title, ...extra }, token).then((f) => f.id);
    const csv = await submit('Export as CSV', customer);
    const spreadsheet = await submit('Download a spreadsheet', otherCustomer);
    const darkMode = await submit('Dark mode', customer, { description: 'My **eyes** hurt.' });
    const offline = await submit('Offline mode', teammate, {
      onBehalfOf: {
        customerExternalId: 'zq-481',
        source: 'email',
        quote: 'Trains have no signal.',
      },
    });
    const captured = await submit('Invoices in PDF', teammate, {
      onBehalfOf: { customerExternalId: 'u-1', source: 'sales_call' },
    });

    await ok('POST', `/api/v1/feedback/${csv}/votes`, undefined, otherCustomer);
    await ok('POST', `/api/v1/feedback/${darkMode}/votes`, undefined, otherCustomer);
    await ok('DELETE', `/api/v1/feedback/${darkMode}/votes`, undefined, otherCustomer);
    await ok('POST', `/api/v1/feedback/${spreadsheet}/votes`, undefined, customer);
    await ok('POST', `/api/v1/feedback/${offline}/votes`, undefined, customer);
    await ok('PUT', `/api/v1/feedback/${darkMode}/follow`, undefined, otherCustomer);

    const comment = await ok<{ id: string }>(
      'POST',
      `/api/v1/feedback/${csv}/comments`,
      { body: 'Which columns do you need?' },
      teammate,
    );
    await ok(
      'POST',
      `/api/v1/feedback/${csv}/comments`,
      { body: 'Every one, with dates.', parentId: comment.id },
      customer,
    );
    await ok('POST', `/api/v1/feedback/${csv}/comments`, {
      body: 'Big account: prioritise.',
      visibility: 'internal',
    });
    await ok(
      'PATCH',
      `/api/v1/comments/${comment.id}`,
      { body: 'Which columns, exactly?' },
      teammate,
    );

    await ok('PUT', `/api/v1/feedback/${captured}/tags/billing`);
    await ok('POST', `/api/v1/feedback/${darkMode}/status`, { status: 'under_review' });
    await ok('POST', `/api/v1/feedback/${spreadsheet}/merge`, { intoId: csv });

    const initiative = await ok<{ id: string }>('POST', '/api/v1/initiatives', {
      title: 'Reporting',
      lane: 'now',
    });
    const story = await ok<BacklogItemView>('POST', '/api/v1/backlog', {
      kind: 'story',
      title: 'CSV export of the inbox',
      acceptanceCriteria: [
        { given: 'a filtered inbox', when: 'I export', then: 'a CSV of those rows downloads' },
      ],
      estimate: 3,
      feedbackIds: [csv],
    });
    const later = await ok<BacklogItemView>('POST', '/api/v1/backlog', {
      kind: 'story',
      title: 'Offline drafts',
      estimate: 8,
    });
    await ok('PUT', `/api/v1/backlog/${later.id}/feedback/${offline}`);
    await ok('PUT', `/api/v1/backlog/${story.id}/initiative`, { initiativeId: initiative.id });
    // Ranking places the item among the backlog as projected.
    await app.settle();
    await ok('POST', `/api/v1/backlog/${later.id}/rank`, { afterId: null, beforeId: story.id });

    const sprint = await ok<SprintView>('POST', '/api/v1/sprints', {
      name: 'Sprint 1',
      startDate: '2027-01-04',
      endDate: '2027-01-15',
      capacity: 5,
    });
    await ok('POST', `/api/v1/sprints/${sprint.id}/items`, { itemId: story.id });
    await ok('POST', `/api/v1/sprints/${sprint.id}/start`);
    for (const to of ['in_progress', 'in_review', 'done']) {
      await ok('POST', `/api/v1/backlog/${story.id}/work-state`, { to });
    }
    await ok(
      'PUT',
      `/api/v1/backlog/${story.id}/acceptance-criteria/${story.acceptanceCriteria[0]!.id}`,
      {
        met: true,
      },
    );
    await ok('POST', `/api/v1/backlog/${story.id}/accept`);
    await ok('POST', `/api/v1/sprints/${sprint.id}/complete`, { carryOverTo: 'backlog' });

    const release = await ok<ReleaseView>('POST', '/api/v1/releases', {
      name: '2027.1',
      date: '2027-01-20',
    });
    await ok('PUT', `/api/v1/releases/${release.id}/items/${story.id}`);
    await ok('PUT', `/api/v1/releases/${release.id}/changelog`, {
      title: 'Export your inbox as CSV',
      body: 'Choose **Export** on any filtered view.',
    });
    await ok('POST', `/api/v1/releases/${release.id}/publish`);
    await ok('POST', '/api/v1/me/notifications/read', {}, customer);

    await ok('POST', '/api/v1/customers/zq-481/erase', undefined, admin);
    await app.settle();
  };

  beforeAll(async () => {
    app = await startTestApp();
    directory = await mkdtemp(join(tmpdir(), 'chorus-export-'));
    workspaceId = (await ok<Me>('GET', '/api/v1/me')).workspace.id;
    await fillWorkspace();
  }, 120_000);
  afterAll(async () => {
    await restored?.drop();
    await app.close();
    await rm(directory, { recursive: true, force: true });
  });

  it('refuses everyone but admins, with 403', async () => {
    for (const role of [
      'teammate',
      'productManager',
      'productOwner',
      'viewer',
      'customer',
    ] as const) {
      for (const route of ROUTES) {
        const response = await download(route, app.tokens[role]);
        expect([role, route, response.status]).toEqual([role, route, 403]);
      }
    }
  });

  it('lists every projection table, each of which tells workspaces apart, and 404 for others', async () => {
    const listed = await ok<ExportReadModels>('GET', '/api/v1/export/read-models');
    // A projection table without workspace_id could be neither exported nor compared below.
    expect(listed.tables.map((t) => t.table)).toEqual(
      projections.flatMap((projection) => projection.tables),
    );
    expect(listed.tables.map((t) => t.table)).toEqual(
      expect.arrayContaining(['feedback_list', 'customers', 'backlog_items', 'notifications']),
    );
    expect(listed.tables.find((t) => t.table === 'feedback_list')).toEqual({
      table: 'feedback_list',
      projection: 'feedback_list',
      path: '/api/v1/export/read-models/feedback_list.csv',
    });
    expect((await download('/api/v1/export/read-models/users.csv')).status).toBe(404);
    expect((await download('/api/v1/export/read-models/events.csv')).status).toBe(404);
    expect((await download('/api/v1/export/read-models/Bad%20Name.csv')).status).toBe(400);
  });

  it("streams a read model's rows of the workspace as CSV with a header", async () => {
    const response = await download('/api/v1/export/read-models/feedback_list.csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const [header, ...rows] = (await response.text()).trimEnd().split('\n');
    expect(header?.split(',')).toEqual(
      expect.arrayContaining(['feedback_id', 'workspace_id', 'title']),
    );
    const [{ count }] = await app.db.dataSource.query<[{ count: number }]>(
      `SELECT count(*)::int AS count FROM feedback_list WHERE workspace_id = $1`,
      [workspaceId],
    );
    expect(rows.filter((row) => row.includes(workspaceId))).toHaveLength(count);
    expect(count).toBe(5);
  });

  it("gives another workspace's admin nothing of this workspace", async () => {
    const events = jsonLinesOf<ExportedEvent>(
      await (await download('/api/v1/export/events.jsonl', app.tokens.outsider)).text(),
    );
    expect(events.length).toBeGreaterThan(0);
    expect(
      events.filter((e) => e.metadata.workspaceId !== events[0]!.metadata.workspaceId),
    ).toEqual([]);
    expect(events[0]!.metadata.workspaceId).not.toBe(workspaceId);

    const response = await download('/api/v1/export', app.tokens.outsider);
    const path = join(directory, 'outsider.zip');
    await writeFile(path, Buffer.from(await response.arrayBuffer()));
    const files = await unzip(path);
    const everything = [...files.values()].join('\n');
    expect(everything).not.toContain(workspaceId);
    expect(everything).not.toMatch(/Export as CSV|Peter|ada@acme\.test/);
    const manifest = JSON.parse(files.get('manifest.json')!) as ExportManifest;
    expect(manifest.workspace).toEqual({
      id: events[0]!.metadata.workspaceId,
      name: 'Globex',
      slug: 'globex',
    });
  });

  it('exports the workspace as a zip and restores it into an empty installation exactly', async () => {
    const response = await download('/api/v1/export');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toMatch(
      /attachment; filename="chorus-export-.*\.zip"/,
    );
    const path = join(directory, 'acme.zip');
    await writeFile(path, Buffer.from(await response.arrayBuffer()));

    const files = await unzip(path);
    const manifest = JSON.parse(files.get('manifest.json')!) as ExportManifest;
    const exported = jsonLinesOf<ExportedEvent>(files.get('events.jsonl'));
    const people = jsonLinesOf<ExportedPerson>(files.get('people.jsonl'));
    expect(manifest).toMatchObject({
      format: 'chorus-workspace-export',
      formatVersion: 1,
      workspace: { id: workspaceId, name: 'Acme', slug: 'acme' },
      events: { path: 'events.jsonl', count: exported.length },
      people: { path: 'people.jsonl', count: 7 },
    });
    expect(manifest.schemaMigration).toMatch(/^[A-Za-z]+\d{13}$/);
    expect([...files.keys()].sort()).toEqual(
      [
        'events.jsonl',
        'manifest.json',
        'people.jsonl',
        ...manifest.readModels.map((file) => `read-models/${file.table}.csv`),
      ].sort(),
    );
    // Personal data is opened for the admin; the erased customer's reads as the stand-ins.
    const created = exported.filter((e) => e.type === 'CustomerCreated').map((e) => e.data.name);
    expect(created.sort()).toEqual(['Erased customer', 'Peter Gibbons']);
    expect(files.get('events.jsonl')).not.toMatch(/sealed:v1:|Zelda|zq-481/);
    // Who people are, never how they sign in.
    expect(Object.keys(people[0]!).sort()).toEqual(['email', 'id', 'name', 'role', 'status']);
    expect(files.get('people.jsonl')).not.toMatch(/password|token|argon/i);

    restored = await createTestDatabase();
    const file = await openExportFile(path);
    const result = await restoreWorkspace(restored.dataSource, file);
    file.close();
    expect(result).toMatchObject({ workspaceId, events: exported.length, people: 7 });
    expect(result.projections.map((p) => p.name)).toEqual(projections.map((p) => p.name));

    const source = app.db.dataSource;
    const target = restored.dataSource;
    expect(await eventsOf(target, workspaceId)).toEqual(await eventsOf(source, workspaceId));
    expect(await peopleOf(target, workspaceId)).toEqual(await peopleOf(source, workspaceId));
    const before = await readModelsOf(source, workspaceId);
    const after = await readModelsOf(target, workspaceId);
    for (const table of Object.keys(before)) {
      expect([table, after[table]]).toEqual([table, before[table]]);
    }
    expect(Object.values(before).filter((rows) => rows.length > 0).length).toBeGreaterThan(15);

    // Sealed again with fresh keys, and the erased customer's key is gone again.
    const names = await target.query<{ name: string }[]>(
      `SELECT data->>'name' AS name FROM events WHERE type = 'CustomerCreated'`,
    );
    expect(names.map((n) => n.name)).toEqual([
      expect.stringMatching(/^sealed:v1:/),
      expect.stringMatching(/^sealed:v1:/),
    ]);
    const keys = await target.query<{ erased: boolean }[]>(
      `SELECT key IS NULL AS erased FROM personal_data_keys ORDER BY erased`,
    );
    expect(keys.map((k) => k.erased)).toEqual([false, true]);
    // What the original installation already mailed is never mailed again from here.
    const notified = exported.filter((e) => e.type === 'PersonNotified').length;
    expect(notified).toBeGreaterThan(0);
    expect(
      await target.query(
        `SELECT status, count(*)::int AS count FROM email_deliveries GROUP BY status`,
      ),
    ).toEqual([{ status: 'skipped', count: notified }]);
    const secrets = await target.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM users
       WHERE password_hash IS NOT NULL OR token_sha256 IS NOT NULL OR invitation_sha256 IS NOT NULL`,
    );
    expect(secrets[0]!.count).toBe(0);
  });

  it('refuses to restore into an installation that is not empty, writing nothing', async () => {
    const path = join(directory, 'acme.zip');
    const [{ count: before }] = await app.db.dataSource.query<[{ count: number }]>(
      `SELECT count(*)::int AS count FROM events`,
    );
    const file = await openExportFile(path);
    await expect(restoreWorkspace(app.db.dataSource, file)).rejects.toThrow(
      new RestoreRefused(
        'This installation is not empty: a workspace is restored into a new, empty database only.',
      ),
    );
    file.close();
    const [{ count: after }] = await app.db.dataSource.query<[{ count: number }]>(
      `SELECT count(*)::int AS count FROM events`,
    );
    expect(after).toBe(before);
  });

  it('refuses an export whose events do not match its manifest before writing anything', async () => {
    const fresh = await createTestDatabase(2);
    try {
      const file = await openExportFile(join(directory, 'acme.zip'));
      const damaged = {
        ...file,
        events: async () => {
          const lines = await text(await file.events());
          return Readable.from([Buffer.from(lines.replace('Export as CSV', 'Export as XLS'))]);
        },
      };
      await expect(restoreWorkspace(fresh.dataSource, damaged)).rejects.toThrow(
        /events\.jsonl does not match the manifest's SHA-256/,
      );
      file.close();
      const [{ count }] = await fresh.dataSource.query<[{ count: number }]>(
        `SELECT count(*)::int AS count FROM events`,
      );
      expect(count).toBe(0);
    } finally {
      await fresh.drop();
    }
  });

  it('streams the events of a workspace with 20,000 of them, page by page', async () => {
    const bulk = await provisionWorkspace(app.db.dataSource, { name: 'Bulk', slug: 'bulk' }, [
      { name: 'Bo Bulk', email: 'bo@bulk.test', role: 'admin' },
    ]);
    const store = new PostgresEventStore(app.db.dataSource);
    const context = {
      workspaceId: bulk.workspaceId,
      actorId: bulk.people[0]!.id,
      correlationId: randomUUID(),
    };
    await store.append(
      `catalog-${bulk.workspaceId}`,
      0,
      [
        { type: 'TagCreated', data: { tagId: 'bulk', name: 'Bulk', colour: '#123456' } },
        ...Array.from({ length: 19_999 }, (_, index) => ({
          type: 'TagUpdated',
          data: { tagId: 'bulk', name: `Bulk ${index}` },
        })),
      ],
      context,
    );

    const response = await download('/api/v1/export/events.jsonl', bulk.people[0]!.token);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const decoder = new TextDecoder();
    let lines = 0;
    let chunks = 0;
    let rest = '';
    let last: ExportedEvent | null = null;
    for await (const chunk of response.body! as AsyncIterable<Uint8Array>) {
      chunks += 1;
      const complete = (rest + decoder.decode(chunk, { stream: true })).split('\n');
      rest = complete.pop()!;
      lines += complete.length;
      if (complete.length > 0) last = JSON.parse(complete.at(-1)!) as ExportedEvent;
    }
    expect(rest).toBe('');
    // The workspace's creation and its admin joining, then the 20,000.
    expect(lines).toBe(20_002);
    expect(chunks).toBeGreaterThan(1);
    expect(last).toMatchObject({
      streamId: `catalog-${bulk.workspaceId}`,
      version: 20_000,
      type: 'TagUpdated',
      data: { tagId: 'bulk', name: 'Bulk 19998' },
    });

    // A client that goes away half way ends the snapshot's transaction and frees its connection.
    const abandoned = await download('/api/v1/export/events.jsonl', bulk.people[0]!.token);
    const reader = abandoned.body!.getReader();
    await reader.read();
    await reader.cancel();
    await eventually(async () => {
      const [{ open }] = await app.db.dataSource.query<[{ open: number }]>(
        `SELECT count(*)::int AS open FROM pg_stat_activity
         WHERE datname = current_database() AND state LIKE 'idle in transaction%'`,
      );
      expect(open).toBe(0);
    });

    // Each download holds a connection while its client reads: a third at once waits its turn.
    const token = bulk.people[0]!.token;
    const slow = [
      await download('/api/v1/export/events.jsonl', token),
      await download('/api/v1/export', token),
    ];
    const third = await download('/api/v1/export/events.jsonl', token);
    expect(third.status).toBe(429);
    expect(((await third.json()) as { detail: string }).detail).toMatch(/try again/);
    for (const response of slow) await response.body!.cancel();
    await eventually(async () => {
      const again = await download('/api/v1/export/read-models', token);
      expect(again.status).toBe(200);
      const events = await download('/api/v1/export/events.jsonl', token);
      expect(events.status).toBe(200);
      await events.body!.cancel();
    });
  }, 120_000);
});
