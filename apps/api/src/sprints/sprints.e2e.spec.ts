import { randomUUID } from 'node:crypto';
import type {
  BacklogItemEvent,
  CompleteSprintResult,
  Me,
  PlanResult,
  SprintDetail,
  SprintItemChanged,
  SprintList,
  SprintView,
} from '@chorus/domain';
import { PostgresEventStore, type CommandContext } from '@chorus/event-store';
import { startTestApp, type TestApp } from '../testing/test-app';
import type { ProblemDetails } from '../platform/problem-details';

/** A body, or the problem the request ran into (whose status is the HTTP one). */
type Or<T> = T & Omit<ProblemDetails, 'status'>;

describe('sprints', () => {
  let app: TestApp;
  let store: PostgresEventStore;
  let admin: Me;

  const context = (): CommandContext => ({
    workspaceId: admin.workspace.id,
    actorId: admin.id,
    correlationId: randomUUID(),
  });
  /** Appends to an item's stream at its current version, as the backlog slices would. */
  const appendToItem = async (itemId: string, events: BacklogItemEvent[]) => {
    const stream = `backlog-item-${itemId}`;
    const version = (await store.readStream(stream)).length;
    await store.append(stream, version, events, context());
  };
  const criterion = (then: string) => ({
    id: randomUUID(),
    given: 'a signed-in user',
    when: 'they open settings',
    then,
    met: false,
  });
  let rank = 0;
  const givenItem = async (
    title: string,
    over: Partial<Extract<BacklogItemEvent, { type: 'BacklogItemCreated' }>['data']> = {},
  ) => {
    const itemId = randomUUID();
    await appendToItem(itemId, [
      {
        type: 'BacklogItemCreated',
        data: {
          itemId,
          kind: 'story',
          parentId: null,
          title,
          description: '',
          acceptanceCriteria: [criterion('they see a theme switch')],
          estimate: 5,
          labels: [],
          ownerId: null,
          rank: `a${(rank += 1)}`,
          createdBy: admin.id,
          ...over,
        },
      },
    ]);
    return itemId;
  };

  const createSprint = async (body: Record<string, unknown>, token?: string) =>
    app.request<Or<SprintView>>('POST', '/api/v1/sprints', { token, body });
  const sprint = (name: string, startDate: string, endDate: string, capacity = 30) => ({
    name,
    goal: `Goal of ${name}`,
    startDate,
    endDate,
    capacity,
  });
  const plan = (sprintId: string, itemId: string, token?: string) =>
    app.request<Or<PlanResult>>('POST', `/api/v1/sprints/${sprintId}/items`, {
      token,
      body: { itemId },
    });
  const move = (itemId: string, to: string, token?: string) =>
    app.request<Or<SprintItemChanged>>('POST', `/api/v1/backlog/${itemId}/work-state`, {
      token,
      body: { to },
    });
  const detail = async (sprintId: string) => {
    await app.settle();
    const response = await app.request<SprintDetail>('GET', `/api/v1/sprints/${sprintId}`);
    expect(response.status).toBe(200);
    return response.body;
  };
  const itemRow = async (itemId: string) => {
    await app.settle();
    const [row] = await app.db.dataSource.query<{ status: string; sprint_id: string | null }[]>(
      `SELECT status, sprint_id FROM backlog_items WHERE id = $1`,
      [itemId],
    );
    return row;
  };

  let sprintId: string;
  let nextSprintId: string;
  const items = { darkMode: '', themes: '', export: '', vague: '', epic: '' };
  let themesCriteria: ReturnType<typeof criterion>[];

  beforeAll(async () => {
    app = await startTestApp();
    store = new PostgresEventStore(app.db.dataSource);
    admin = (await app.request<Me>('GET', '/api/v1/me')).body;
    items.darkMode = await givenItem('Dark mode', {
      estimate: 20,
      acceptanceCriteria: [criterion('they see a theme switch'), criterion('it remembers')],
    });
    themesCriteria = [criterion('they can pick a theme')];
    items.themes = await givenItem('Custom themes', {
      estimate: 14,
      acceptanceCriteria: themesCriteria,
    });
    items.export = await givenItem('Export to CSV', { kind: 'task', estimate: 3 });
    items.vague = await givenItem('Make it faster', { acceptanceCriteria: [], estimate: null });
    items.epic = await givenItem('Personalisation', { kind: 'epic' });
  });
  afterAll(() => app.close());

  describe('creating a sprint', () => {
    it('creates a planned sprint with its dates and capacity', async () => {
      const response = await createSprint(sprint('Sprint 1', '2027-01-04', '2027-01-15'));
      expect(response.status).toBe(201);
      expect(response.headers.get('etag')).toBe('"1"');
      const { id, ...fields } = response.body;
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(fields).toEqual({
        name: 'Sprint 1',
        goal: 'Goal of Sprint 1',
        startDate: '2027-01-04',
        endDate: '2027-01-15',
        capacity: 30,
        state: 'planned',
        plannedPoints: 0,
        acceptedPoints: 0,
        itemCount: 0,
        overCapacity: false,
        version: 1,
      });
      sprintId = id;
      const next = await createSprint(sprint('Sprint 2', '2027-01-18', '2027-01-29'));
      nextSprintId = next.body.id;
    });

    it('needs the end after the start (422) and real dates (400), naming the field', async () => {
      const backwards = await createSprint(sprint('Backwards', '2027-02-10', '2027-02-01'));
      expect(backwards.status).toBe(422);
      expect(backwards.body.errors?.[0]?.field).toBe('endDate');
      const badDate = await createSprint(sprint('Bad', '10 February', '2027-02-01'));
      expect(badDate.status).toBe(400);
      expect(badDate.body.errors?.[0]?.field).toBe('startDate');
      const negative = await createSprint(sprint('Negative', '2027-02-01', '2027-02-10', -5));
      expect(negative.status).toBe(400);
      expect(negative.body.errors?.[0]?.field).toBe('capacity');
    });

    it('lists sprints newest first, by state', async () => {
      await app.settle();
      const all = await app.request<SprintList>('GET', '/api/v1/sprints');
      expect(all.body.items.map((s) => s.name)).toEqual(['Sprint 2', 'Sprint 1']);
      const active = await app.request<SprintList>('GET', '/api/v1/sprints?state=active');
      expect(active.body.items).toEqual([]);
      const bad = await app.request<ProblemDetails>('GET', '/api/v1/sprints?state=soon');
      expect(bad.status).toBe(400);
      expect(bad.body.errors?.[0]?.field).toBe('state');
    });

    it('edits with If-Match only', async () => {
      const path = `/api/v1/sprints/${nextSprintId}`;
      const missing = await app.request('PATCH', path, { body: { capacity: 25 } });
      expect(missing.status).toBe(428);
      const edited = await app.request<SprintView>('PATCH', path, {
        body: { capacity: 25 },
        headers: { 'if-match': '"1"' },
      });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ capacity: 25, version: 2 });
      expect(edited.headers.get('etag')).toBe('"2"');
      const stale = await app.request('PATCH', path, {
        body: { name: 'Sprint two' },
        headers: { 'if-match': '"1"' },
      });
      expect(stale.status).toBe(412);
    });
  });

  describe('planning', () => {
    it('refuses an item that is not ready, with the reason, on itemId', async () => {
      const response = await plan(sprintId, items.vague);
      expect(response.status).toBe(422);
      expect(response.body.detail).toBe(
        '"Make it faster" is not ready: it needs acceptance criteria and an estimate.',
      );
      expect(response.body.errors?.[0]?.field).toBe('itemId');
      const epic = await plan(sprintId, items.epic);
      expect(epic.status).toBe(422);
      expect(epic.body.detail).toMatch(/is an epic/);
    });

    it('plans ready items and warns past the capacity', async () => {
      const first = await plan(sprintId, items.darkMode);
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({
        sprint: { id: sprintId, plannedPoints: 20, itemCount: 1, overCapacity: false },
        warning: null,
      });
      await app.settle();
      const second = await plan(sprintId, items.themes);
      expect(second.status).toBe(200);
      expect(second.body.warning).toBe('Planned 34 points against a capacity of 30.');
      expect(second.body.sprint).toMatchObject({ plannedPoints: 34, overCapacity: true });
      expect(await itemRow(items.themes)).toEqual({ status: 'todo', sprint_id: sprintId });
    });

    it('takes an item out again', async () => {
      expect((await plan(sprintId, items.export)).body.sprint?.plannedPoints).toBe(37);
      await app.settle();
      const removed = await app.request<PlanResult>(
        'DELETE',
        `/api/v1/sprints/${sprintId}/items/${items.export}`,
      );
      expect(removed.status).toBe(200);
      expect(removed.body.sprint).toMatchObject({ plannedPoints: 34, itemCount: 2 });
      expect(await itemRow(items.export)).toEqual({ status: 'backlog', sprint_id: null });
    });

    it('refuses an item already in another sprint', async () => {
      const response = await plan(nextSprintId, items.darkMode);
      expect(response.status).toBe(422);
      expect(response.body.detail).toMatch(/already in another sprint/);
    });

    it('answers 404 for a sprint or an item that does not exist', async () => {
      expect((await plan(randomUUID(), items.export)).status).toBe(404);
      expect((await plan(sprintId, randomUUID())).status).toBe(404);
    });
  });

  describe('working on the sprint', () => {
    it('moves items only once the sprint has started', async () => {
      const early = await move(items.darkMode, 'in_progress');
      expect(early.status).toBe(422);
      expect(early.body.detail).toMatch(/has not started/);
      const started = await app.request<SprintView>('POST', `/api/v1/sprints/${sprintId}/start`);
      expect(started.status).toBe(200);
      expect(started.body).toMatchObject({ state: 'active', version: 2 });
      const again = await app.request<ProblemDetails>('POST', `/api/v1/sprints/${sprintId}/start`);
      expect(again.status).toBe(422);
      expect(again.body.detail).toBe('Sprint "Sprint 1" has already started.');
    });

    it('moves items through the work states', async () => {
      for (const to of ['in_progress', 'in_review', 'done']) {
        const response = await move(items.darkMode, to);
        expect(response.status).toBe(200);
        expect(response.body).toMatchObject({ id: items.darkMode, status: to });
      }
      expect((await move(items.themes, 'done')).body.status).toBe('done');
      const unknown = await move(items.themes, 'blocked');
      expect(unknown.status).toBe(400);
      expect(unknown.body.errors?.[0]?.field).toBe('to');
      const outside = await move(items.export, 'in_progress');
      expect(outside.status).toBe(422);
      expect(outside.body.detail).toMatch(/not in a sprint/);
    });

    it('refuses to accept until every criterion is met, listing the unmet ones', async () => {
      const refused = await app.request<ProblemDetails>(
        'POST',
        `/api/v1/backlog/${items.darkMode}/accept`,
      );
      expect(refused.status).toBe(422);
      expect(refused.body.detail).toBe(
        '"Dark mode" cannot be accepted until every acceptance criterion is met. Not met: given a signed-in user, when they open settings, then they see a theme switch; given a signed-in user, when they open settings, then it remembers.',
      );
      expect(refused.body.errors?.[0]?.field).toBe('acceptanceCriteria');
    });

    it('accepts a done item once its criteria are met', async () => {
      const [created] = await store.readStream(`backlog-item-${items.darkMode}`);
      const { acceptanceCriteria } = created!.data as { acceptanceCriteria: { id: string }[] };
      await appendToItem(
        items.darkMode,
        acceptanceCriteria.map((c) => ({
          type: 'AcceptanceCriterionChecked',
          data: { itemId: items.darkMode, criterionId: c.id, met: true, by: admin.id },
        })),
      );
      const accepted = await app.request<SprintItemChanged>(
        'POST',
        `/api/v1/backlog/${items.darkMode}/accept`,
      );
      expect(accepted.status).toBe(200);
      expect(accepted.body).toMatchObject({ id: items.darkMode, status: 'accepted' });
    });

    it('needs a reason to reject, and sends the item back to in progress', async () => {
      const path = `/api/v1/backlog/${items.themes}/reject`;
      const silent = await app.request<ProblemDetails>('POST', path, { body: {} });
      expect(silent.status).toBe(422);
      expect(silent.body.detail).toBe('Say why the item is not accepted.');
      expect(silent.body.errors?.[0]?.field).toBe('reason');
      const rejected = await app.request<SprintItemChanged>('POST', path, {
        body: { reason: 'The theme picker forgets the choice.' },
      });
      expect(rejected.status).toBe(200);
      expect(rejected.body.status).toBe('in_progress');
    });

    it('shows the board, with the velocity so far', async () => {
      const board = await detail(sprintId);
      expect(board).toMatchObject({
        state: 'active',
        plannedPoints: 34,
        acceptedPoints: 20,
        itemCount: 2,
        overCapacity: true,
      });
      expect(board.items.accepted.map((i) => i.id)).toEqual([items.darkMode]);
      expect(board.items.in_progress).toEqual([
        {
          id: items.themes,
          title: 'Custom themes',
          kind: 'story',
          estimate: 14,
          status: 'in_progress',
          acceptanceCriteria: themesCriteria,
          ready: true,
        },
      ]);
      expect(board.items.todo).toEqual([]);
    });
  });

  describe('completing', () => {
    it('refuses to carry items over into the sprint itself or one that does not exist', async () => {
      const complete = (carryOverTo: string) =>
        app.request<ProblemDetails>('POST', `/api/v1/sprints/${sprintId}/complete`, {
          body: { carryOverTo },
        });
      const itself = await complete(sprintId);
      expect(itself.status).toBe(422);
      expect(itself.body.errors?.[0]?.field).toBe('carryOverTo');
      expect((await complete(randomUUID())).status).toBe(422);
      const nonsense = await complete('later');
      expect(nonsense.status).toBe(400);
      expect(nonsense.body.errors?.[0]?.field).toBe('carryOverTo');
    });

    it('keeps accepted items and carries the unfinished ones into the next sprint', async () => {
      const response = await app.request<CompleteSprintResult>(
        'POST',
        `/api/v1/sprints/${sprintId}/complete`,
        { body: { carryOverTo: nextSprintId } },
      );
      expect(response.status).toBe(200);
      expect(response.body.sprint).toMatchObject({
        id: sprintId,
        state: 'completed',
        plannedPoints: 20,
        acceptedPoints: 20,
        itemCount: 1,
      });
      expect(response.body.acceptedItemIds).toEqual([items.darkMode]);
      expect(response.body.carriedOver).toEqual([{ itemId: items.themes, to: nextSprintId }]);
      expect(await itemRow(items.themes)).toEqual({ status: 'todo', sprint_id: nextSprintId });
      expect(await itemRow(items.darkMode)).toEqual({ status: 'accepted', sprint_id: sprintId });
      const done = await detail(sprintId);
      expect(done).toMatchObject({ state: 'completed', acceptedPoints: 20, itemCount: 1 });
      const [row] = await app.db.dataSource.query<{ accepted_item_ids: string[] }[]>(
        `SELECT accepted_item_ids::text[] AS accepted_item_ids FROM sprints WHERE id = $1`,
        [sprintId],
      );
      expect(row?.accepted_item_ids).toEqual([items.darkMode]);
      expect((await detail(nextSprintId)).items.todo.map((i) => i.id)).toEqual([items.themes]);
    });

    it('leaves a completed sprint alone', async () => {
      const again = await app.request<ProblemDetails>(
        'POST',
        `/api/v1/sprints/${sprintId}/complete`,
        { body: { carryOverTo: 'backlog' } },
      );
      expect(again.status).toBe(422);
      const edit = await app.request<ProblemDetails>('PATCH', `/api/v1/sprints/${sprintId}`, {
        body: { goal: 'Rewrite history' },
        headers: { 'if-match': '"3"' },
      });
      expect(edit.status).toBe(422);
      const planned = await plan(sprintId, items.export);
      expect(planned.status).toBe(422);
      expect(planned.body.detail).toMatch(/is completed/);
    });

    it('sends unfinished items back to the backlog, never into a completed sprint', async () => {
      await app.request('POST', `/api/v1/sprints/${nextSprintId}/start`);
      const into = await app.request<ProblemDetails>(
        'POST',
        `/api/v1/sprints/${nextSprintId}/complete`,
        { body: { carryOverTo: sprintId } },
      );
      expect(into.status).toBe(422);
      expect(into.body.detail).toMatch(/Sprint "Sprint 1" is completed: carry/);
      const response = await app.request<CompleteSprintResult>(
        'POST',
        `/api/v1/sprints/${nextSprintId}/complete`,
        { body: { carryOverTo: 'backlog' } },
      );
      expect(response.status).toBe(200);
      expect(response.body.carriedOver).toEqual([{ itemId: items.themes, to: null }]);
      expect(response.body.acceptedItemIds).toEqual([]);
      expect(await itemRow(items.themes)).toEqual({ status: 'backlog', sprint_id: null });
      const completed = await app.request<SprintList>('GET', '/api/v1/sprints?state=completed');
      expect(completed.body.items.map((s) => s.id)).toEqual([nextSprintId, sprintId]);
    });
  });

  it('never leaves an item in a completed sprint when planning races the completion', async () => {
    for (let round = 0; round < 5; round++) {
      const raced = (await createSprint(sprint(`Race ${round}`, '2027-06-01', '2027-06-12'))).body
        .id;
      await app.request('POST', `/api/v1/sprints/${raced}/start`);
      const [planned, completed] = await Promise.all([
        plan(raced, items.export),
        app.request<CompleteSprintResult>('POST', `/api/v1/sprints/${raced}/complete`, {
          body: { carryOverTo: 'backlog' },
        }),
      ]);
      expect(completed.status).toBe(200);
      expect([200, 422]).toContain(planned.status);
      // Planned first: the completion carried it back. Completed first: planning was refused.
      expect(await itemRow(items.export)).toEqual({ status: 'backlog', sprint_id: null });
    }
  });

  describe('who may', () => {
    let openSprintId: string;
    beforeAll(async () => {
      openSprintId = (await createSprint(sprint('Sprint 3', '2027-02-01', '2027-02-12'))).body.id;
      await app.settle();
    });

    it('forbids customers, reads included', async () => {
      const token = app.tokens.customer;
      expect((await createSprint(sprint('Mine', '2027-03-01', '2027-03-12'), token)).status).toBe(
        403,
      );
      expect((await app.request('GET', '/api/v1/sprints', { token })).status).toBe(403);
      expect((await app.request('GET', `/api/v1/sprints/${openSprintId}`, { token })).status).toBe(
        403,
      );
      expect((await plan(openSprintId, items.export, token)).status).toBe(403);
      expect(
        (await app.request('POST', `/api/v1/sprints/${openSprintId}/start`, { token })).status,
      ).toBe(403);
      expect((await move(items.themes, 'done', token)).status).toBe(403);
      expect(
        (await app.request('POST', `/api/v1/backlog/${items.themes}/accept`, { token })).status,
      ).toBe(403);
      expect(
        (
          await app.request('POST', `/api/v1/backlog/${items.themes}/reject`, {
            token,
            body: { reason: 'Not for me' },
          })
        ).status,
      ).toBe(403);
    });

    it('hides one workspace’s sprints and items from another (404)', async () => {
      const token = app.tokens.outsider;
      expect((await app.request('GET', `/api/v1/sprints/${openSprintId}`, { token })).status).toBe(
        404,
      );
      expect(
        (await app.request<SprintList>('GET', '/api/v1/sprints', { token })).body.items,
      ).toEqual([]);
      expect(
        (await app.request('POST', `/api/v1/sprints/${openSprintId}/start`, { token })).status,
      ).toBe(404);
      expect(
        (
          await app.request('PATCH', `/api/v1/sprints/${openSprintId}`, {
            token,
            body: { name: 'Ours' },
            headers: { 'if-match': '"1"' },
          })
        ).status,
      ).toBe(404);
      expect((await plan(openSprintId, items.export, token)).status).toBe(404);
      expect((await move(items.themes, 'done', token)).status).toBe(404);
      const ownSprint = await createSprint(sprint('Globex 1', '2027-02-01', '2027-02-12'), token);
      expect((await plan(ownSprint.body.id, items.export, token)).status).toBe(404);
    });
  });

  describe('paging', () => {
    it('pages through sprints a sprint at a time, each exactly once, in the list order', async () => {
      await app.settle();
      // Two sprints starting and created at the same moment: only the id orders them.
      const [first, second] = (await app.request<SprintList>('GET', '/api/v1/sprints')).body.items
        .filter((s) => s.name.startsWith('Race'))
        .map((s) => s.id);
      await app.db.dataSource.query(
        `UPDATE sprints SET created_at = (SELECT created_at FROM sprints WHERE id = $1) WHERE id = $2`,
        [first, second],
      );
      const all = await app.request<SprintList>('GET', '/api/v1/sprints');
      expect(all.body.nextCursor).toBeNull();
      expect(all.body.items.length).toBeGreaterThan(5);
      const paged: string[] = [];
      let cursor: string | null = null;
      do {
        const query: string = cursor ? `?limit=1&cursor=${encodeURIComponent(cursor)}` : '?limit=1';
        const page: { status: number; body: SprintList } = await app.request<SprintList>(
          'GET',
          `/api/v1/sprints${query}`,
        );
        expect(page.status).toBe(200);
        expect(page.body.items).toHaveLength(1);
        paged.push(...page.body.items.map((s) => s.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(paged).toEqual(all.body.items.map((s) => s.id));
      expect(new Set(paged).size).toBe(paged.length);
    });

    it('answers 400 naming cursor for a cursor it did not hand out, and bounds the limit', async () => {
      const garbage = await app.request<ProblemDetails>('GET', '/api/v1/sprints?cursor=garbage');
      expect(garbage.status).toBe(400);
      expect(garbage.body.errors?.map((e) => e.field)).toEqual(['cursor']);
      const forged = Buffer.from(JSON.stringify(['2027-01-04', 'soon', 'x'])).toString('base64url');
      const bad = await app.request<ProblemDetails>('GET', `/api/v1/sprints?cursor=${forged}`);
      expect(bad.status).toBe(400);
      expect(bad.body.errors?.map((e) => e.field)).toEqual(['cursor']);
      const tooMany = await app.request<ProblemDetails>('GET', '/api/v1/sprints?limit=201');
      expect(tooMany.status).toBe(400);
      expect(tooMany.body.errors?.[0]?.field).toBe('limit');
    });
  });
});
