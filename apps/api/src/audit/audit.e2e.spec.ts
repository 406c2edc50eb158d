import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import type { AuditEntry, AuditEventTypes, AuditPage, AuditPeople } from '@chorus/domain';
import { PostgresEventStore } from '@chorus/event-store';
import type { ProblemDetails } from '../platform/problem-details';
import { startTestApp, type TestApp } from '../testing/test-app';

type Me = { id: string; role: string };
type Person = 'admin' | 'teammate' | 'customer' | 'otherCustomer' | 'outsider';

describe('the audit trail', () => {
  let app: TestApp;
  const me = {} as Record<Person, Me>;
  let feedbackId: string;
  let formulaId: string;
  let backlogItemId: string;
  let outsiderFeedbackId: string;
  /** The whole trail of Acme, newest first, read in one page. */
  let trail: AuditEntry[];

  const ok = async <T>(method: string, path: string, body?: unknown, token?: string) => {
    const response = await app.request<T>(method, path, { body, token });
    expect([method, path, response.status]).toEqual([
      method,
      path,
      method === 'POST' && response.status === 201 ? 201 : 200,
    ]);
    return response.body;
  };
  const audit = (query = '', token?: string) =>
    app.request<AuditPage & ProblemDetails>('GET', `/api/v1/audit${query}`, { token });
  const entries = async (query: string) => {
    const response = await audit(query);
    expect(response.status).toBe(200);
    return response.body.entries;
  };
  const positions = (list: readonly AuditEntry[]) => list.map((entry) => entry.position);
  const csvRows = (text: string) => parse<Record<string, string>>(text, { columns: true });
  const only = (type: string) => trail.filter((entry) => entry.type === type);

  beforeAll(async () => {
    app = await startTestApp();
    for (const person of Object.keys(app.tokens) as Person[]) {
      me[person] = await ok<Me>('GET', '/api/v1/me', undefined, app.tokens[person]);
    }
    const { customer, otherCustomer, teammate, outsider } = app.tokens;
    feedbackId = (
      await ok<{ id: string }>('POST', '/api/v1/feedback', { title: 'Dark mode' }, customer)
    ).id;
    await ok('POST', `/api/v1/feedback/${feedbackId}/votes`, undefined, otherCustomer);
    await ok('POST', `/api/v1/feedback/${feedbackId}/status`, { status: 'under_review' }, teammate);
    await ok('POST', `/api/v1/feedback/${feedbackId}/comments`, { body: 'On the roadmap soon.' });
    backlogItemId = (
      await ok<{ id: string }>('POST', '/api/v1/backlog', {
        kind: 'story',
        title: 'Dark theme',
        feedbackIds: [feedbackId],
      })
    ).id;
    formulaId = (
      await ok<{ id: string }>(
        'POST',
        '/api/v1/feedback',
        { title: '=HYPERLINK("http://evil.test","Click")' },
        otherCustomer,
      )
    ).id;
    outsiderFeedbackId = (
      await ok<{ id: string }>('POST', '/api/v1/feedback', { title: 'Globex wish' }, outsider)
    ).id;
    await app.settle();
    const page = await audit('?limit=200');
    expect(page.body.nextCursor).toBeNull();
    trail = page.body.entries;
  });
  afterAll(() => app.close());

  it('shows what was done through the API: who, what, to which resource', () => {
    const [submitted] = only('FeedbackSubmitted').filter((e) => e.resource.id === feedbackId);
    expect(submitted).toMatchObject({
      actor: { id: me.customer.id, name: 'Cleo Customer', role: 'customer' },
      summary: 'submitted feedback',
      resource: {
        type: 'feedback',
        typeName: 'Feedback',
        id: feedbackId,
        streamId: `feedback-${feedbackId}`,
        label: 'Dark mode',
        link: { kind: 'feedback', id: feedbackId },
      },
      data: { feedbackId, title: 'Dark mode' },
    });
    expect(Date.parse(submitted!.occurredAt)).not.toBeNaN();
    expect(submitted!.correlationId).toMatch(/^[0-9a-f-]{36}$/);

    const [vote, ...otherVotes] = only('VoteCast');
    expect(otherVotes).toEqual([]);
    expect(vote).toMatchObject({
      actor: { id: me.otherCustomer.id, name: 'Otto Customer', role: 'customer' },
      summary: 'cast vote',
      resource: {
        type: 'ballot',
        typeName: 'Vote',
        streamId: `ballot-${feedbackId}-${me.otherCustomer.id}`,
        label: 'Dark mode',
        link: { kind: 'feedback', id: feedbackId },
      },
    });
    const [moved, ...otherMoves] = only('FeedbackStatusChanged');
    expect(otherMoves).toEqual([]);
    expect(moved).toMatchObject({
      actor: { id: me.teammate.id, name: 'Tom Teammate', role: me.teammate.role },
      summary: 'changed status',
      data: { to: 'under_review' },
    });
    expect(only('CommentPosted')).toMatchObject([
      {
        actor: { id: me.admin.id, name: 'Ada Admin', role: 'admin' },
        resource: { type: 'comment', label: 'Dark mode' },
      },
    ]);
    expect(only('BacklogItemCreated')).toMatchObject([
      {
        actor: { id: me.admin.id },
        summary: 'created backlog item',
        resource: {
          type: 'backlog',
          id: backlogItemId,
          streamId: `backlog-item-${backlogItemId}`,
          label: 'Dark theme',
          link: { kind: 'backlogItem', id: backlogItemId },
        },
      },
    ]);
  });

  it('lists the newest first', () => {
    const keys = trail.map((e) => [e.occurredAt, e.position.padStart(20, '0')].join(' '));
    expect(keys).toEqual([...keys].sort().reverse());
  });

  it("never shows another workspace's events, to either side", async () => {
    const streams = trail.map((entry) => entry.resource.streamId);
    expect(streams).toContain(`feedback-${feedbackId}`);
    expect(streams).not.toContain(`feedback-${outsiderFeedbackId}`);
    const theirs = await audit('?limit=200', app.tokens.outsider);
    expect(theirs.status).toBe(200);
    const theirStreams = theirs.body.entries.map((entry) => entry.resource.streamId);
    expect(theirStreams).toContain(`feedback-${outsiderFeedbackId}`);
    expect(theirStreams.filter((id) => streams.includes(id))).toEqual([]);
    const asked = await audit(`?resource=feedback-${feedbackId}`, app.tokens.outsider);
    expect(asked.body.entries).toEqual([]);
  });

  it('filters by actor', async () => {
    const byOtto = await entries(`?actorId=${me.otherCustomer.id}`);
    expect(positions(byOtto)).toEqual(
      positions(trail.filter((e) => e.actor.id === me.otherCustomer.id)),
    );
    expect(byOtto.map((e) => e.type).sort()).toEqual(['FeedbackSubmitted', 'VoteCast']);
  });

  it('filters by one or more event types', async () => {
    expect(positions(await entries('?type=VoteCast'))).toEqual(positions(only('VoteCast')));
    const both = positions(
      trail.filter((e) => e.type === 'VoteCast' || e.type === 'CommentPosted'),
    );
    expect(both).toHaveLength(2);
    expect(positions(await entries('?type=VoteCast&type=CommentPosted'))).toEqual(both);
    expect(positions(await entries('?type=CommentPosted,VoteCast'))).toEqual(both);
  });

  it('filters by a resource, or by every resource of a kind', async () => {
    const stream = `feedback-${feedbackId}`;
    const ofItem = await entries(`?resource=${stream}`);
    expect(ofItem.map((e) => e.type)).toEqual(['FeedbackStatusChanged', 'FeedbackSubmitted']);
    expect(positions(ofItem)).toEqual(
      positions(trail.filter((e) => e.resource.streamId === stream)),
    );
    const ofBacklog = await entries(`?resource=backlog-item-${backlogItemId}`);
    expect(ofBacklog.map((e) => e.type)).toEqual([
      'FeedbackLinkedToBacklogItem',
      'BacklogItemCreated',
    ]);
    const allFeedback = await entries('?resource=feedback');
    expect(positions(allFeedback)).toEqual(
      positions(trail.filter((e) => e.resource.type === 'feedback')),
    );
    expect(allFeedback.length).toBeGreaterThan(ofItem.length);
  });

  it('filters by when it happened, dates and moments alike', async () => {
    const pivot = trail[Math.floor(trail.length / 2)]!.occurredAt;
    expect(positions(await entries(`?from=${pivot}`))).toEqual(
      positions(trail.filter((e) => e.occurredAt >= pivot)),
    );
    expect(positions(await entries(`?to=${pivot}`))).toEqual(
      positions(trail.filter((e) => e.occurredAt <= pivot)),
    );
    const today = trail[0]!.occurredAt.slice(0, 10);
    expect(positions(await entries(`?from=${today}&to=${today}`))).toEqual(positions(trail));
    expect(await entries('?to=2020-01-01')).toEqual([]);
    const offset = await entries(`?from=${today}T00:00:00%2B14:00`);
    expect(positions(offset)).toEqual(positions(trail));
  });

  it('combines filters', async () => {
    const mine = await entries(`?actorId=${me.otherCustomer.id}&resource=feedback&type=VoteCast`);
    expect(mine).toEqual([]);
    const votes = await entries(`?actorId=${me.otherCustomer.id}&resource=ballot&type=VoteCast`);
    expect(positions(votes)).toEqual(positions(only('VoteCast')));
  });

  it('pages by cursor without gaps or repeats', async () => {
    const walked: AuditEntry[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await audit(`?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      expect(page.body.entries.length).toBeLessThanOrEqual(3);
      walked.push(...page.body.entries);
      cursor = page.body.nextCursor;
      pages += 1;
    } while (cursor !== null);
    expect(pages).toBeGreaterThan(2);
    expect(positions(walked)).toEqual(positions(trail));

    const filtered = await audit(`?type=FeedbackSubmitted&limit=1`);
    const next = await audit(`?type=FeedbackSubmitted&limit=1&cursor=${filtered.body.nextCursor}`);
    expect([...positions(filtered.body.entries), ...positions(next.body.entries)]).toEqual(
      positions(only('FeedbackSubmitted')).slice(0, 2),
    );
  });

  it('exports the same rows as CSV, every one of them', async () => {
    const response = await app.request<string>('GET', '/api/v1/audit.csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="audit-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const rows = csvRows(response.body);
    expect(rows.map((row) => row.position)).toEqual(positions(trail));
    const vote = rows.find((row) => row.type === 'VoteCast');
    expect(vote).toMatchObject({
      actorId: me.otherCustomer.id,
      actorName: 'Otto Customer',
      actorRole: 'customer',
      summary: 'cast vote',
      resourceType: 'ballot',
      streamId: `ballot-${feedbackId}-${me.otherCustomer.id}`,
      resourceLabel: 'Dark mode',
    });
    expect(JSON.parse(vote?.data ?? '')).toEqual(only('VoteCast')[0]?.data);

    const filtered = await app.request<string>(
      'GET',
      `/api/v1/audit.csv?actorId=${me.customer.id}&type=FeedbackSubmitted`,
    );
    const filteredRows = csvRows(filtered.body);
    expect(filteredRows.map((row) => row.position)).toEqual(
      positions(await entries(`?actorId=${me.customer.id}&type=FeedbackSubmitted`)),
    );
  });

  it('streams every matching row, however many, and pages 50 at a time by default', async () => {
    const importer = randomUUID();
    const follows = Array.from({ length: 2_345 }, (_, index) => ({
      type: index % 2 === 0 ? 'FeedbackFollowed' : 'FeedbackUnfollowed',
      data: { feedbackId, personId: me.otherCustomer.id },
    }));
    const [{ workspaceId }] = await app.db.dataSource.query<[{ workspaceId: string }]>(
      `SELECT workspace_id AS "workspaceId" FROM users WHERE id = $1`,
      [me.admin.id],
    );
    // More than the export reads in one batch; written straight to the log, as an import would.
    await new PostgresEventStore(app.db.dataSource).append(
      `follow-${feedbackId}-${me.otherCustomer.id}`,
      0,
      follows,
      { workspaceId, actorId: importer, correlationId: randomUUID() },
    );
    const response = await app.request<string>('GET', `/api/v1/audit.csv?actorId=${importer}`);
    const rows = csvRows(response.body);
    expect(rows).toHaveLength(2_345);
    const numbers = rows.map((row) => Number(row.position));
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    expect(new Set(numbers).size).toBe(2_345);

    const page = await audit();
    expect(page.body.entries).toHaveLength(50);
    expect(page.body.nextCursor).not.toBeNull();
  });

  it('keeps spreadsheet formulas in the CSV inert', async () => {
    const response = await app.request<string>(
      'GET',
      `/api/v1/audit.csv?resource=feedback-${formulaId}`,
    );
    const [row] = csvRows(response.body);
    expect(row?.resourceLabel).toBe(`'=HYPERLINK("http://evil.test","Click")`);
  });

  it('offers the event types by area, and people to filter by', async () => {
    const types = await ok<AuditEventTypes>('GET', '/api/v1/audit/event-types');
    const feedback = types.areas.find((area) => area.area === 'Feedback');
    expect(feedback?.types).toContainEqual({
      type: 'FeedbackStatusChanged',
      label: 'Feedback status changed',
    });
    const found = await ok<AuditPeople>('GET', '/api/v1/audit/people?q=cleo');
    expect(found.people).toEqual([
      { id: me.customer.id, name: 'Cleo Customer', email: 'cleo@customer.test', role: 'customer' },
    ]);
    const accounts = (await ok<AuditPeople>('GET', '/api/v1/audit/people')).people;
    const names = accounts.map((p) => p.name);
    expect(names).toEqual(
      expect.arrayContaining(['Ada Admin', 'Cleo Customer', 'Otto Customer', 'Tom Teammate']),
    );
    expect(names).toEqual([...names].sort((a, b) => (a ?? '').localeCompare(b ?? '')));
    expect(names).not.toContain('Olga Outsider');
    const wildcard = await ok<AuditPeople>('GET', '/api/v1/audit/people?q=%25');
    expect(wildcard.people).toEqual([]);
  });

  it('is for admins only', async () => {
    for (const path of [
      '/api/v1/audit',
      '/api/v1/audit.csv',
      '/api/v1/audit/event-types',
      '/api/v1/audit/people',
    ]) {
      for (const token of [app.tokens.teammate, app.tokens.customer]) {
        const response = await app.request<ProblemDetails>('GET', path, { token });
        expect([path, response.status]).toEqual([path, 403]);
        expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      }
    }
  });

  it('refuses invalid filters, naming the field', async () => {
    const cases: [string, string][] = [
      ['?type=NoSuchThing', 'type'],
      ['?type=VoteCast,NoSuchThing', 'type'],
      ['?resource=Feedback%20!', 'resource'],
      ['?from=yesterday', 'from'],
      ['?to=2026-13-40', 'to'],
      ['?from=2026-05-02&to=2026-05-01', 'to'],
      ['?limit=500', 'limit'],
      ['?limit=0', 'limit'],
      ['?cursor=not-a-cursor', 'cursor'],
      [`?actorId=${'x'.repeat(201)}`, 'actorId'],
    ];
    for (const [query, field] of cases) {
      const response = await audit(query);
      expect([query, response.status, response.body.errors?.[0]?.field]).toEqual([
        query,
        400,
        field,
      ]);
    }
    const csv = await app.request<ProblemDetails>('GET', '/api/v1/audit.csv?type=Nope');
    expect(csv.status).toBe(400);
    expect(csv.body.errors?.[0]?.field).toBe('type');
    expect(csv.body.detail).toMatch(/Nope is not an event type/);
  });
});
