import { randomUUID } from 'node:crypto';
import type {
  BacklogItemChanged,
  BacklogItemView,
  BacklogPage,
  FeedbackBacklogItems,
  RankedBacklogItem,
} from '@chorus/domain';
import { PostgresEventStore } from '@chorus/event-store';
import { startTestApp, type TestApp } from '../testing/test-app';
import type { ProblemDetails } from '../platform/problem-details';

/** An item, or the problem the request ran into (whose status is the HTTP one). */
type ItemOrProblem = BacklogItemView & Omit<ProblemDetails, 'status'>;

describe('backlog', () => {
  let app: TestApp;
  let teammateId: string;
  let customerId: string;

  const create = (body: unknown, token?: string) =>
    app.request<ItemOrProblem>('POST', '/api/v1/backlog', { token, body });
  const created = async (body: Record<string, unknown>) => {
    const response = await create(body);
    expect(response.status).toBe(201);
    return response.body;
  };
  const get = async (id: string, token?: string) => {
    await app.settle();
    return app.request<ItemOrProblem>('GET', `/api/v1/backlog/${id}`, {
      token,
    });
  };
  const list = async (query: string) => {
    await app.settle();
    const response = await app.request<BacklogPage>('GET', `/api/v1/backlog?${query}`);
    expect(response.status).toBe(200);
    return response.body;
  };
  const submitFeedback = async (title: string) =>
    (
      await app.request<{ id: string }>('POST', '/api/v1/feedback', {
        token: app.tokens.customer,
        body: { title },
      })
    ).body.id;

  beforeAll(async () => {
    app = await startTestApp();
    const me = (token: string) =>
      app.request<{ id: string }>('GET', '/api/v1/me', { token }).then((r) => r.body.id);
    teammateId = await me(app.tokens.teammate);
    customerId = await me(app.tokens.customer);
  });
  afterAll(() => app.close());

  it('documents its routes in the OpenAPI document', async () => {
    const document = await app.request<{ paths: Record<string, unknown> }>(
      'GET',
      '/api/openapi.json',
      { token: null },
    );
    expect(document.status).toBe(200);
    expect(Object.keys(document.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/backlog',
        '/api/v1/backlog/{id}',
        '/api/v1/backlog/{id}/acceptance-criteria',
        '/api/v1/backlog/{id}/acceptance-criteria/{criterionId}',
        '/api/v1/backlog/{id}/rank',
        '/api/v1/backlog/{id}/feedback/{feedbackId}',
        '/api/v1/backlog/{id}/initiative',
        '/api/v1/feedback/{id}/backlog-items',
      ]),
    );
  });

  describe('creating epics, stories and tasks', () => {
    let epic: BacklogItemView;
    let story: BacklogItemView;

    it('creates an epic with its view and ETag', async () => {
      const response = await create({ kind: 'epic', title: '  Reporting  ', labels: ['q3'] });
      expect(response.status).toBe(201);
      expect(response.headers.get('etag')).toBe('"1"');
      expect(response.headers.get('location')).toBe(`/api/v1/backlog/${response.body.id}`);
      epic = response.body;
      expect(epic).toMatchObject({
        kind: 'epic',
        parentId: null,
        title: 'Reporting',
        description: '',
        acceptanceCriteria: [],
        estimate: null,
        labels: ['q3'],
        status: 'backlog',
        sprintId: null,
        ready: false,
        notReadyReason: '"Reporting" is not ready: it needs acceptance criteria and an estimate.',
        feedback: [],
        children: [],
        version: 1,
      });
    });

    it('puts a story under the epic and a task under the story, with criteria and owner', async () => {
      story = await created({
        kind: 'story',
        title: 'Export the backlog as CSV',
        parentId: epic.id,
        estimate: 5,
        ownerId: teammateId,
        acceptanceCriteria: [{ given: 'a backlog', when: 'I export it', then: 'I get a CSV' }],
      });
      expect(story).toMatchObject({
        parentId: epic.id,
        estimate: 5,
        ownerId: teammateId,
        ready: true,
        notReadyReason: null,
      });
      const [criterion] = story.acceptanceCriteria;
      expect(criterion?.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(criterion).toMatchObject({
        given: 'a backlog',
        when: 'I export it',
        then: 'I get a CSV',
        met: false,
      });
      const task = await created({ kind: 'task', title: 'Write the encoder', parentId: story.id });
      expect(task.parentId).toBe(story.id);
      const read = await get(epic.id);
      expect(read.status).toBe(200);
      expect(read.headers.get('etag')).toBe('"1"');
      expect(read.body.children).toEqual([
        {
          id: story.id,
          kind: 'story',
          title: 'Export the backlog as CSV',
          status: 'backlog',
          estimate: 5,
          rank: story.rank,
        },
      ]);
    });

    it.each([
      [
        'an epic with a parent',
        () => ({ kind: 'epic', title: 'Nested', parentId: epic.id }),
        /top/,
      ],
      ['a task under an epic', () => ({ kind: 'task', title: 'Task', parentId: epic.id }), /story/],
      [
        'a story under a story',
        () => ({ kind: 'story', title: 'Sub', parentId: story.id }),
        /epic/,
      ],
      [
        'a story under nothing known',
        () => ({ kind: 'story', title: 'Orphan', parentId: randomUUID() }),
        /no epic/,
      ],
    ])('refuses %s with 422 naming parentId', async (_, body, message) => {
      const response = await create(body());
      expect(response.status).toBe(422);
      expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(response.body.detail).toMatch(message);
      expect(response.body.errors?.[0]?.field).toBe('parentId');
    });

    it('refuses an owner who is not a teammate', async () => {
      const response = await create({ kind: 'story', title: 'Owned', ownerId: customerId });
      expect(response.status).toBe(422);
      expect(response.body.errors?.[0]?.field).toBe('ownerId');
    });

    it.each([
      [{ kind: 'story', title: 'ab' }, 'title'],
      [{ kind: 'bug', title: 'A bug' }, 'kind'],
      [{ kind: 'story', title: 'Big', estimate: 500 }, 'estimate'],
      [
        { kind: 'story', title: 'Vague', acceptanceCriteria: [{ given: 'x', when: 'y' }] },
        'acceptanceCriteria.0.then',
      ],
      [{ kind: 'story', title: 'Odd', parentId: 'not-a-uuid' }, 'parentId'],
      [{ kind: 'story', title: 'Extra', colour: 'red' }, '(body)'],
    ])('validates %j, naming %s', async (body, field) => {
      const response = await create(body);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(response.body.errors?.map((e) => e.field)).toContain(field);
    });

    it('replays a create retried with the same Idempotency-Key', async () => {
      const send = () =>
        app.request<BacklogItemView>('POST', '/api/v1/backlog', {
          body: { kind: 'story', title: 'Retried once' },
          headers: { 'idempotency-key': 'backlog-retry-1' },
        });
      const [first, second] = [await send(), await send()];
      expect(first.status).toBe(201);
      expect(second.body.id).toBe(first.body.id);
    });
  });

  describe('editing', () => {
    let item: BacklogItemView;
    beforeAll(async () => {
      item = await created({ kind: 'story', title: 'Calendar view' });
    });
    const patch = (body: unknown, headers: Record<string, string> = {}, token?: string) =>
      app.request<BacklogItemChanged & ProblemDetails>('PATCH', `/api/v1/backlog/${item.id}`, {
        token,
        body,
        headers,
      });

    it('needs If-Match: without it the answer is 428', async () => {
      const response = await patch({ estimate: 3 });
      expect(response.status).toBe(428);
      expect(response.body.detail).toMatch(/If-Match/);
    });

    it('applies an edit at the current version, then refuses the stale version with 412', async () => {
      const response = await patch({ estimate: 3, labels: ['ui'] }, { 'if-match': '"1"' });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ id: item.id, version: 2 });
      expect(response.headers.get('etag')).toBe('"2"');
      const stale = await patch({ title: 'Overwrite' }, { 'if-match': '"1"' });
      expect(stale.status).toBe(412);
      const read = await get(item.id);
      expect(read.body).toMatchObject({ title: 'Calendar view', estimate: 3, labels: ['ui'] });
      expect(read.headers.get('etag')).toBe('"2"');
    });

    it('records nothing for an edit that changes nothing', async () => {
      const response = await patch({ estimate: 3 }, { 'if-match': '"2"' });
      expect(response.body.version).toBe(2);
    });

    it('validates the body', async () => {
      const empty = await patch({}, { 'if-match': '"2"' });
      expect(empty.status).toBe(400);
      const negative = await patch({ estimate: -1 }, { 'if-match': '"2"' });
      expect(negative.status).toBe(400);
      expect(negative.body.errors?.[0]?.field).toBe('estimate');
    });

    it('rewrites the criteria with If-Match, keeps met by id, and checks one off', async () => {
      const missing = await app.request<ProblemDetails>(
        'PUT',
        `/api/v1/backlog/${item.id}/acceptance-criteria`,
        { body: { criteria: [] } },
      );
      expect(missing.status).toBe(428);
      const first = await app.request<BacklogItemChanged>(
        'PUT',
        `/api/v1/backlog/${item.id}/acceptance-criteria`,
        {
          body: {
            criteria: [{ given: 'a sprint', when: 'I open the calendar', then: 'I see it' }],
          },
          headers: { 'if-match': '"2"' },
        },
      );
      expect(first.body.version).toBe(3);
      const [criterion] = (await get(item.id)).body.acceptanceCriteria;
      const check = await app.request<BacklogItemChanged>(
        'PUT',
        `/api/v1/backlog/${item.id}/acceptance-criteria/${criterion!.id}`,
        { body: { met: true } },
      );
      expect(check.status).toBe(200);
      expect(check.body.version).toBe(4);
      await app.request('PUT', `/api/v1/backlog/${item.id}/acceptance-criteria`, {
        body: {
          criteria: [
            { given: 'no sprint', when: 'I open the calendar', then: 'I see an empty state' },
            { id: criterion!.id, given: 'a sprint', when: 'I open the calendar', then: 'I see it' },
          ],
        },
        headers: { 'if-match': '"4"' },
      });
      const read = await get(item.id);
      expect(read.body.acceptanceCriteria.map((c) => [c.given, c.met])).toEqual([
        ['no sprint', false],
        ['a sprint', true],
      ]);
      expect(read.body).toMatchObject({ ready: true, notReadyReason: null, version: 5 });
    });

    it('refuses to check a criterion the item does not have, naming criterionId', async () => {
      const response = await app.request<ProblemDetails>(
        'PUT',
        `/api/v1/backlog/${item.id}/acceptance-criteria/${randomUUID()}`,
        { body: { met: true } },
      );
      expect(response.status).toBe(422);
      expect(response.body.errors?.[0]?.field).toBe('criterionId');
    });

    it('forbids customers everything, reading included', async () => {
      const token = app.tokens.customer;
      expect((await create({ kind: 'story', title: 'Mine' }, token)).status).toBe(403);
      expect((await patch({ estimate: 8 }, { 'if-match': '"5"' }, token)).status).toBe(403);
      expect((await get(item.id, token)).status).toBe(403);
      const listed = await app.request('GET', '/api/v1/backlog', { token });
      expect(listed.status).toBe(403);
      const ranked = await app.request('POST', `/api/v1/backlog/${item.id}/rank`, {
        token,
        body: { afterId: null, beforeId: item.id },
      });
      expect(ranked.status).toBe(403);
    });

    it('hides the item from another workspace: 404', async () => {
      const token = app.tokens.outsider;
      expect((await get(item.id, token)).status).toBe(404);
      expect((await patch({ estimate: 8 }, { 'if-match': '"5"' }, token)).status).toBe(404);
      const linked = await app.request(
        'PUT',
        `/api/v1/backlog/${item.id}/feedback/${randomUUID()}`,
        { token },
      );
      expect(linked.status).toBe(404);
    });
  });

  describe('ranking', () => {
    const rank = (id: string, body: unknown) =>
      app.request<RankedBacklogItem & ProblemDetails>('POST', `/api/v1/backlog/${id}/rank`, {
        body,
      });
    let a: BacklogItemView;
    let b: BacklogItemView;
    let x: BacklogItemView;
    let y: BacklogItemView;
    beforeAll(async () => {
      a = await created({ kind: 'epic', title: 'Rank A' });
      await app.settle();
      b = await created({ kind: 'epic', title: 'Rank B' });
      await app.settle();
      x = await created({ kind: 'epic', title: 'Rank X' });
      await app.settle();
      y = await created({ kind: 'epic', title: 'Rank Y', position: 'top' });
      await app.settle();
    });
    const epicTitles = async () => (await list('kind=epic&q=Rank')).items.map((i) => i.title);

    it('adds new items at the bottom, or at the top when asked', async () => {
      expect(await epicTitles()).toEqual(['Rank Y', 'Rank A', 'Rank B', 'Rank X']);
    });

    it('moves an item with one event, to the top or after another', async () => {
      const top = await rank(x.id, { afterId: null, beforeId: y.id });
      expect(top.status).toBe(200);
      expect(top.body.version).toBe(2);
      expect(await epicTitles()).toEqual(['Rank X', 'Rank Y', 'Rank A', 'Rank B']);
      await rank(x.id, { afterId: b.id });
      expect(await epicTitles()).toEqual(['Rank Y', 'Rank A', 'Rank B', 'Rank X']);
    });

    it('moves two items into the same gap at once: both succeed, between the neighbours, in id order', async () => {
      const [first, second] = await Promise.all([
        rank(x.id, { afterId: a.id, beforeId: b.id }),
        rank(y.id, { afterId: a.id, beforeId: b.id }),
      ]);
      expect([first.status, second.status]).toEqual([200, 200]);
      for (const moved of [first.body, second.body]) {
        expect(moved.rank > a.rank && moved.rank < b.rank).toBe(true);
      }
      const [earlier, later] = [x, y].sort((p, q) => (p.id < q.id ? -1 : 1));
      expect(await epicTitles()).toEqual(['Rank A', earlier!.title, later!.title, 'Rank B']);
    });

    it('puts an item right after afterId when the neighbours it was given are out of order', async () => {
      // X and Y now share a rank: a client that saw them the other way round asks for a gap that
      // does not exist, and the item goes right after the one it was dropped after.
      const [earlier, later] = [x, y].sort((p, q) => (p.id < q.id ? -1 : 1));
      const moved = await rank(a.id, { afterId: later!.id, beforeId: earlier!.id });
      expect(moved.status).toBe(200);
      expect(await epicTitles()).toEqual([earlier!.title, later!.title, 'Rank A', 'Rank B']);
    });

    it('names the neighbour at fault', async () => {
      const unknown = await rank(a.id, { afterId: randomUUID() });
      expect(unknown.status).toBe(422);
      expect(unknown.body.errors?.[0]?.field).toBe('afterId');
      const itself = await rank(a.id, { beforeId: a.id });
      expect(itself.body.errors?.[0]?.field).toBe('beforeId');
      const nowhere = await rank(a.id, {});
      expect(nowhere.status).toBe(400);
    });
  });

  describe('linking feedback', () => {
    let item: BacklogItemView;
    let feedbackId: string;
    let duplicateId: string;
    beforeAll(async () => {
      feedbackId = await submitFeedback('Export to Excel');
      duplicateId = await submitFeedback('CSV export please');
      await app.request('POST', `/api/v1/feedback/${feedbackId}/votes`, {
        token: app.tokens.otherCustomer,
      });
      await app.settle();
      item = await created({
        kind: 'story',
        title: 'Spreadsheet export',
        feedbackIds: [duplicateId],
      });
    });

    it('links at creation, in the same append', () => {
      expect(item.version).toBe(2);
      expect(item.feedback).toEqual([
        {
          id: duplicateId,
          title: 'CSV export please',
          status: 'open',
          voteCount: 0,
          revenueCents: 0,
        },
      ]);
    });

    it('links and unlinks; doing either twice changes nothing', async () => {
      const path = `/api/v1/backlog/${item.id}/feedback/${feedbackId}`;
      const linked = await app.request<BacklogItemChanged>('PUT', path);
      expect(linked.body.version).toBe(3);
      expect((await app.request<BacklogItemChanged>('PUT', path)).body.version).toBe(3);
      const read = await get(item.id);
      expect(read.body.feedback.map((f) => f.id)).toEqual([feedbackId, duplicateId]);
      expect(read.body.feedback[0]).toMatchObject({ title: 'Export to Excel', voteCount: 1 });
      const answers = await app.request<FeedbackBacklogItems>(
        'GET',
        `/api/v1/feedback/${feedbackId}/backlog-items`,
      );
      expect(answers.body.items).toEqual([
        {
          id: item.id,
          kind: 'story',
          title: 'Spreadsheet export',
          status: 'backlog',
          estimate: null,
          sprintId: null,
        },
      ]);
      expect((await app.request<BacklogItemChanged>('DELETE', path)).body.version).toBe(4);
      expect((await app.request<BacklogItemChanged>('DELETE', path)).body.version).toBe(4);
      await app.settle();
      const after = await app.request<FeedbackBacklogItems>(
        'GET',
        `/api/v1/feedback/${feedbackId}/backlog-items`,
      );
      expect(after.body.items).toEqual([]);
    });

    it('refuses merged feedback, naming the one to link instead', async () => {
      const merged = await app.request('POST', `/api/v1/feedback/${duplicateId}/merge`, {
        body: { intoId: feedbackId },
      });
      expect(merged.status).toBe(200);
      const other = await created({ kind: 'story', title: 'Another export' });
      const response = await app.request<ProblemDetails>(
        'PUT',
        `/api/v1/backlog/${other.id}/feedback/${duplicateId}`,
      );
      expect(response.status).toBe(422);
      expect(response.body.detail).toBe(
        `"CSV export please" was merged into "Export to Excel" (${feedbackId}); link that one instead.`,
      );
      expect(response.body.errors?.[0]?.field).toBe('feedbackId');
      const unknown = await app.request<ProblemDetails>(
        'PUT',
        `/api/v1/backlog/${other.id}/feedback/${randomUUID()}`,
      );
      expect(unknown.status).toBe(422);
    });
  });

  describe('initiatives', () => {
    it('puts an item on an initiative that exists, and refuses an archived one', async () => {
      const store = new PostgresEventStore(app.db.dataSource);
      const workspaceId = (
        await app.db.dataSource.query<{ workspace_id: string }[]>(
          `SELECT workspace_id FROM users WHERE id = $1`,
          [teammateId],
        )
      )[0]!.workspace_id;
      const initiative = (id: string) => ({
        type: 'InitiativeCreated',
        data: {
          initiativeId: id,
          title: 'Reporting suite',
          description: '',
          lane: 'now',
          quarter: null,
          visibility: 'internal',
          by: teammateId,
        },
      });
      const context = { workspaceId, actorId: teammateId, correlationId: randomUUID() };
      const [live, archived] = [randomUUID(), randomUUID()];
      await store.append(`initiative-${live}`, 0, [initiative(live)], context);
      await store.append(
        `initiative-${archived}`,
        0,
        [
          initiative(archived),
          { type: 'InitiativeArchived', data: { initiativeId: archived, by: teammateId } },
        ],
        context,
      );
      const item = await created({ kind: 'epic', title: 'On the roadmap' });
      const set = (initiativeId: string | null) =>
        app.request<BacklogItemChanged & ProblemDetails>(
          'PUT',
          `/api/v1/backlog/${item.id}/initiative`,
          { body: { initiativeId } },
        );
      expect((await set(live)).body.version).toBe(2);
      const refused = await set(archived);
      expect(refused.status).toBe(422);
      expect(refused.body.errors?.[0]?.field).toBe('initiativeId');
      expect((await set(randomUUID())).status).toBe(422);
      expect((await list(`initiativeId=${live}`)).items.map((i) => i.id)).toEqual([item.id]);
      expect((await set(null)).body.version).toBe(3);
    });
  });

  describe('listing', () => {
    it('filters by kind, status, sprint, label, parent and title', async () => {
      const parent = await created({ kind: 'epic', title: 'Filters epic' });
      // A new item goes after the last one the read model knows.
      await app.settle();
      const child = await created({
        kind: 'story',
        title: 'Filters 100% story',
        parentId: parent.id,
        labels: ['filters'],
      });
      expect((await list(`parentId=${parent.id}`)).items.map((i) => i.id)).toEqual([child.id]);
      expect((await list('label=filters')).items.map((i) => i.id)).toEqual([child.id]);
      expect((await list('q=100%25')).items.map((i) => i.id)).toEqual([child.id]);
      expect((await list('q=filters&kind=epic')).items.map((i) => i.id)).toEqual([parent.id]);
      const unplanned = await list('q=filters&sprintId=none&status=backlog,todo');
      expect(unplanned.items.map((i) => i.id)).toEqual([parent.id, child.id]);
      expect((await list(`q=filters&sprintId=${randomUUID()}`)).items).toEqual([]);
      expect((await list('q=filters&status=done')).items).toEqual([]);
    });

    it('pages through the backlog in rank order with a cursor', async () => {
      const all = (await list('limit=200')).items;
      expect(all.length).toBeGreaterThan(5);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: BacklogPage = await list(
          `limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        );
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(all.map((i) => i.id));
    });

    it('validates the filters, naming them', async () => {
      const bad = await app.request<ProblemDetails>(
        'GET',
        '/api/v1/backlog?status=backlog,shipped&limit=500',
      );
      expect(bad.status).toBe(400);
      expect(bad.body.errors?.map((e) => e.field).sort()).toEqual(['limit', 'status.1']);
      const cursor = await app.request<ProblemDetails>('GET', '/api/v1/backlog?cursor=nonsense');
      expect(cursor.body.errors?.[0]?.field).toBe('cursor');
    });
  });
});
