import { randomUUID } from 'node:crypto';
import type {
  CommentList,
  CompanyPage,
  CustomerPage,
  FeedbackItem,
  FeedbackPage,
  ImportJobDetail,
  ImportJobPage,
  ReleasePage,
} from '@chorus/domain';
import { eventually } from '@chorus/event-store/testing';
import { startTestApp, type TestApp } from '../testing/test-app';
import { cannyExportText, fiderBackupZip } from './fixtures/fixtures';
import { INTERRUPTED } from './import-jobs';

// The sweep for jobs of dead processes runs often here, so the test of it need not wait.
process.env.CHORUS_IMPORT_SWEEP_MS = '100';

describe('imports', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  const upload = async (
    query: string,
    body: string | Buffer,
    contentType: string,
    token = app.tokens.admin,
  ) => {
    const response = await fetch(`${app.baseUrl}/api/v1/imports?${query}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
      body,
    });
    return {
      status: response.status,
      location: response.headers.get('location'),
      body: (await response.json()) as ImportJobDetail,
    };
  };
  const job = async (id: string, token = app.tokens.admin) =>
    (await app.request<ImportJobDetail>('GET', `/api/v1/imports/${id}`, { token })).body;
  const finished = (id: string) =>
    eventually(async () => {
      const current = await job(id);
      if (current.status === 'queued' || current.status === 'running') {
        throw new Error(`import ${id} is ${current.status}`);
      }
      return current;
    }, 60_000);
  const importFile = async (query: string, body: string | Buffer, contentType: string) => {
    const started = await upload(query, body, contentType);
    expect(started.status).toBe(202);
    expect(started.location).toBe(`/api/v1/imports/${started.body.id}`);
    return finished(started.body.id);
  };
  const eventCount = async () =>
    (
      await app.db.dataSource.query<[{ count: number }]>(
        `SELECT count(*)::int AS count FROM events`,
      )
    )[0].count;
  const feedbackList = async (query = '') =>
    (await app.request<FeedbackPage>('GET', `/api/v1/feedback?limit=100${query}`)).body.items;
  const byTitle = (items: FeedbackItem[], title: string) => {
    const item = items.find((i) => i.title === title);
    if (!item) throw new Error(`No feedback titled ${title}`);
    return item;
  };

  /** What importing the Canny fixture into an empty workspace creates. */
  const cannyCreates = {
    boards: { created: 2, updated: 0, skipped: 0 },
    tags: { created: 3, updated: 0, skipped: 0 },
    statuses: { created: 1, updated: 0, skipped: 6 },
    companies: { created: 3, updated: 0, skipped: 0 },
    customers: { created: 5, updated: 0, skipped: 0 },
    feedback: { created: 10, updated: 0, skipped: 0 },
    votes: { created: 18, updated: 0, skipped: 0 },
    comments: { created: 5, updated: 0, skipped: 0 },
    merges: { created: 1, updated: 0, skipped: 0 },
    changelog: { created: 1, updated: 0, skipped: 0 },
  };

  it('dry-runs a Canny export: everything it would create, and nothing appended', async () => {
    const before = await eventCount();
    const dry = await importFile('source=canny&dryRun=true', cannyExportText(), 'application/json');
    expect(dry).toMatchObject({ dryRun: true, status: 'succeeded', errorCount: 0, processed: 55 });
    expect(dry.byKind).toEqual(cannyCreates);
    expect(await eventCount()).toBe(before);
  });

  describe('a Canny export', () => {
    let first: ImportJobDetail;
    beforeAll(async () => {
      first = await importFile('source=canny', cannyExportText(), 'application/json');
      await app.settle();
    });

    it('imports cleanly, counting what it created', () => {
      expect(first).toMatchObject({
        source: 'canny',
        dryRun: false,
        status: 'succeeded',
        failure: null,
        errorCount: 0,
        errors: [],
        total: 55,
        processed: 55,
      });
      expect(first.byKind).toEqual(cannyCreates);
      expect(first.by).toEqual({ id: expect.any(String) as unknown, name: 'Ada Admin' });
    });

    it('shows the feedback with its votes, revenue, tags, status and dates in the inbox', async () => {
      const items = await feedbackList();
      const exportCsv = byTitle(items, 'Export reports to CSV');
      expect(exportCsv).toMatchObject({
        boardId: 'feature-requests',
        status: 'planned',
        tags: ['reporting'],
        source: 'import',
        voteCount: 4,
        // Acme, Globex and Initech; Dan has no company.
        revenueCents: 125_050 + 49_900 + 8_999,
        commentCount: 2,
        createdAt: '2024-01-10T09:30:00.000Z',
      });
      expect(byTitle(items, 'Scheduled email digests')).toMatchObject({
        status: 'done',
        voteCount: 3,
      });
      expect(byTitle(items, 'Custom fields on posts').status).toBe('declined');
      expect(byTitle(items, 'Jira two-way sync').status).toBe('waiting-on-partner');
      // The merged duplicate counts towards its survivor, whose voters it adds once.
      expect(byTitle(items, 'Slack notifications')).toMatchObject({
        duplicateCount: 1,
        voteCount: 3,
      });
      const merged = await feedbackList('&view=merged');
      expect(byTitle(merged, 'Post updates to a Slack channel').mergedInto).toBe(
        byTitle(items, 'Slack notifications').id,
      );
    });

    it('shows the comments, the internal one to teammates, with their authors and dates', async () => {
      const item = byTitle(await feedbackList(), 'Export reports to CSV');
      const { body } = await app.request<CommentList>(
        'GET',
        `/api/v1/feedback/${item.id}/comments`,
      );
      expect(
        body.comments.map((c) => [
          c.author.name,
          c.author.staff,
          c.visibility,
          c.createdAt,
          c.replies.length,
        ]),
      ).toEqual([
        ['Bob Baker', false, 'public', '2024-01-11T10:05:00.000Z', 1],
        ['Paula Product', true, 'internal', '2024-03-01T10:10:00.000Z', 0],
      ]);
      expect(body.comments[0]?.replies[0]).toMatchObject({
        body: 'Thanks! This is planned for Q2.',
        author: { name: 'Paula Product', staff: true },
      });
      const asCustomer = await app.request<CommentList>(
        'GET',
        `/api/v1/feedback/${item.id}/comments`,
        { token: app.tokens.customer },
      );
      expect(asCustomer.body.comments.map((c) => c.visibility)).toEqual(['public']);
    });

    it('brings the customers with their companies and MRR', async () => {
      const companies = (await app.request<CompanyPage>('GET', '/api/v1/companies')).body.items;
      expect(companies.map((c) => [c.externalId, c.name, c.mrrCents, c.customerCount])).toEqual([
        ['acme-co', 'Acme Corp', 125_050, 1],
        ['globex-co', 'Globex', 49_900, 1],
        ['initech', 'Initech', 8_999, 1],
      ]);
      const customers = (await app.request<CustomerPage>('GET', '/api/v1/customers?limit=100')).body
        .items;
      const alice = customers.find((c) => c.externalId === 'app-alice');
      expect(alice).toMatchObject({
        name: 'Alice Archer',
        email: 'alice@acme.example',
        companyId: companies[0]?.id,
      });
    });

    it('writes the changelog entry as a draft release', async () => {
      const releases = (await app.request<ReleasePage>('GET', '/api/v1/releases')).body.items;
      expect(releases).toEqual([
        expect.objectContaining({
          name: 'Scheduled email digests are here',
          date: '2024-05-02',
          state: 'draft',
          changelog: {
            title: 'Scheduled email digests are here',
            body: expect.stringContaining('**every Monday**') as unknown,
          },
        }),
      ]);
    });

    it('changes nothing when it runs again, from a file larger than any JSON request', async () => {
      const before = await eventCount();
      const padded = JSON.stringify({
        ...(JSON.parse(cannyExportText()) as object),
        notes: 'x'.repeat(3 * 1024 * 1024),
      });
      const again = await importFile('source=canny', padded, 'application/json');
      expect(again).toMatchObject({ status: 'succeeded', errorCount: 0, created: 0, updated: 0 });
      expect(again.skipped).toBe(again.total);
      expect(await eventCount()).toBe(before);
    });
  });

  describe('a Fider backup', () => {
    let first: ImportJobDetail;
    beforeAll(async () => {
      first = await importFile('source=fider', await fiderBackupZip(), 'application/zip');
      await app.settle();
    });

    it('imports cleanly: the site is a board, responses are comments, duplicates are merged', async () => {
      expect(first).toMatchObject({ status: 'succeeded', errorCount: 0, failure: null });
      expect(first.byKind.feedback).toEqual({ created: 7, updated: 0, skipped: 0 });
      expect(first.byKind.merges).toEqual({ created: 1, updated: 0, skipped: 0 });
      const items = await feedbackList('&boardId=acme-feedback');
      expect(items.map((i) => [i.title, i.status, i.voteCount]).sort()).toEqual([
        ['100', 'open', 1],
        ['Change the logo colour', 'declined', 1],
        ['Dark theme', 'open', 2],
        ['Export to PDF', 'done', 2],
        ['Keyboard shortcuts', 'in_progress', 2],
        // Its own 4 voters; the duplicate's only voter is one of them.
        ['Two-factor authentication', 'planned', 4],
      ]);
      const twoFactor = byTitle(items, 'Two-factor authentication');
      expect(twoFactor).toMatchObject({ tags: ['security'], duplicateCount: 1 });
      const { body } = await app.request<CommentList>(
        'GET',
        `/api/v1/feedback/${twoFactor.id}/comments`,
      );
      expect(body.comments.map((c) => [c.author.name, c.author.staff, c.body])).toEqual([
        ['Wendy Visitor', false, 'We need this for our auditors.'],
        ['Cole Collaborator', true, 'Which authenticator apps do you use?'],
        ['Olivia Owner', true, 'Planned for the autumn release.'],
      ]);
    });

    it('changes nothing when it runs again', async () => {
      const before = await eventCount();
      const again = await importFile('source=fider', await fiderBackupZip(), 'application/zip');
      expect(again).toMatchObject({ status: 'succeeded', created: 0, updated: 0, errorCount: 0 });
      expect(await eventCount()).toBe(before);
    });

    it('fails a file that is not a backup, saying why', async () => {
      const failed = await importFile(
        'source=fider',
        Buffer.from('PK not really'),
        'application/zip',
      );
      expect(failed).toMatchObject({ status: 'failed', total: null });
      expect(failed.failure).toMatch(/^This is not a readable zip file/);
    });
  });

  describe('CSV', () => {
    const feedbackCsv = [
      'externalId,title,description,board,tags,status,authorExternalId,authorEmail,authorName',
      'csv-1,Audit log export,Our auditors want a CSV,general,,planned,csv-cust-1,csv1@example.com,Casey',
      'csv-2,No,,general,,,,,', // title too short
      'csv-3,Roadmap page,,roadmap,,,,,', // unknown board
      'csv-4,Webhooks,,general,,,csv-cust-2,not-an-email,', // bad email
    ].join('\n');

    it('validates in a dry run, reports each row’s problem and appends nothing', async () => {
      const before = await eventCount();
      const dry = await importFile('source=csv-feedback&dryRun=true', feedbackCsv, 'text/csv');
      expect(dry).toMatchObject({
        dryRun: true,
        status: 'succeeded',
        total: 2,
        processed: 2,
        created: 2,
        errorCount: 3,
      });
      expect(dry.byKind.feedback).toEqual({ created: 1, updated: 0, skipped: 0 });
      expect(dry.byKind.customers).toEqual({ created: 1, updated: 0, skipped: 0 });
      expect(dry.errors.map((e) => [e.row, e.field])).toEqual([
        [2, 'title'],
        [3, 'board'],
        [4, 'authorEmail'],
      ]);
      const csv = await fetch(`${app.baseUrl}/api/v1/imports/${dry.id}/errors.csv`, {
        headers: { authorization: `Bearer ${app.tokens.admin}` },
      });
      expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
      expect((await csv.text()).split('\n').slice(0, 3)).toEqual([
        'part,row,field,message',
        ',2,title,Title must be at least 3 characters.',
        ',3,board,"There is no board ""roadmap""; the boards are general, feature-requests, integrations, acme-feedback."',
      ]);
      expect(await eventCount()).toBe(before);
    });

    it('imports the valid rows for real, and votes on them by their external ids', async () => {
      const real = await importFile('source=csv-feedback', feedbackCsv, 'text/csv');
      expect(real).toMatchObject({ created: 2, errorCount: 3 });
      const votes = await importFile(
        'source=csv-votes',
        'feedbackExternalId,voterExternalId,voterName\ncsv-1,csv-cust-9,Vera\ncsv-404,csv-cust-9,\n',
        'text/csv',
      );
      expect(votes.byKind.votes).toEqual({ created: 1, updated: 0, skipped: 0 });
      expect(votes.errors).toEqual([
        {
          part: null,
          row: 2,
          field: 'feedbackExternalId',
          message: 'There is no feedback with external id "csv-404" in Chorus; import it first.',
        },
      ]);
      await app.settle();
      expect(byTitle(await feedbackList(), 'Audit log export')).toMatchObject({
        status: 'planned',
        voteCount: 1,
      });
    });

    it('shows the progress of a large file, chunk by chunk, up to its total', async () => {
      const rows = Array.from(
        { length: 5_000 },
        (_, i) => `bulk-${i},bulk${i}@example.com,Person ${i}`,
      );
      const started = await upload(
        'source=csv-customers',
        ['externalId,email,name', ...rows].join('\n'),
        'text/csv',
      );
      const seen: number[] = [];
      const done = await eventually(async () => {
        const current = await job(started.body.id);
        seen.push(current.processed);
        if (current.status !== 'succeeded') throw new Error(`still ${current.status}`);
        return current;
      }, 120_000);
      expect(done).toMatchObject({ total: 5_000, processed: 5_000, created: 5_000 });
      expect(seen).toEqual([...seen].sort((a, b) => a - b));
      expect(seen.some((processed) => processed > 0 && processed < 5_000)).toBe(true);
    });

    it('refuses a body of the wrong type and an unknown source', async () => {
      const wrongType = await upload('source=csv-feedback', '{}', 'application/json');
      expect(wrongType.status).toBe(415);
      const unknown = await upload('source=uservoice', 'x', 'text/csv');
      expect(unknown.status).toBe(400);
    });
  });

  describe('jobs', () => {
    it('are listed newest first, a page at a time', async () => {
      const page = (await app.request<ImportJobPage>('GET', '/api/v1/imports?limit=2')).body;
      expect(page.items).toHaveLength(2);
      const next = (
        await app.request<ImportJobPage>(
          'GET',
          `/api/v1/imports?limit=100&cursor=${page.nextCursor}`,
        )
      ).body;
      const all = [...page.items, ...next.items];
      expect(new Set(all.map((j) => j.id)).size).toBe(all.length);
      expect(all.map((j) => j.createdAt)).toEqual(
        [...all.map((j) => j.createdAt)].sort().reverse(),
      );
    });

    it('are another workspace’s business only: 404 and never listed', async () => {
      const [mine] = (await app.request<ImportJobPage>('GET', '/api/v1/imports')).body.items;
      const outsider = app.tokens.outsider;
      const read = await app.request('GET', `/api/v1/imports/${mine!.id}`, { token: outsider });
      expect(read.status).toBe(404);
      const errors = await app.request('GET', `/api/v1/imports/${mine!.id}/errors.csv`, {
        token: outsider,
      });
      expect(errors.status).toBe(404);
      const list = await app.request<ImportJobPage>('GET', '/api/v1/imports', { token: outsider });
      expect(list.body.items).toEqual([]);
    });

    it('are marked failed when the process running them died', async () => {
      const id = randomUUID();
      await app.db.dataSource.query(
        `INSERT INTO import_jobs (id, workspace_id, source, dry_run, status, file_bytes, created_by, started_at, heartbeat_at)
         SELECT $1, workspace_id, 'canny', false, 'running', 10, id::text, now() - interval '1 hour', now() - interval '1 hour'
         FROM users WHERE email = 'ada@acme.test'`,
        [id],
      );
      const failed = await finished(id);
      expect(failed).toMatchObject({ status: 'failed', failure: INTERRUPTED });
    });
  });
});
