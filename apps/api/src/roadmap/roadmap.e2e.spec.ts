import { randomUUID } from 'node:crypto';
import type {
  BacklogItemEvent,
  InitiativeChanged,
  InitiativeView,
  Me,
  PublicRoadmapView,
  RoadmapView,
} from '@chorus/domain';
import { PostgresEventStore } from '@chorus/event-store';
import { startTestApp, type TestApp } from '../testing/test-app';
import type { ProblemDetails } from '../platform/problem-details';

type Or<T> = T & Omit<ProblemDetails, 'status'>;

describe('roadmap', () => {
  let app: TestApp;
  let admin: Me;
  const ids = { sso: '', billing: '', mobile: '', audit: '' };

  const create = (body: Record<string, unknown>, token?: string) =>
    app.request<Or<InitiativeChanged>>('POST', '/api/v1/initiatives', { token, body });
  const created = async (body: Record<string, unknown>) => {
    const response = await create(body);
    expect(response.status).toBe(201);
    return response.body.id;
  };
  const roadmap = async (token?: string) => {
    await app.settle();
    return app.request<Or<RoadmapView>>('GET', '/api/v1/roadmap', { token });
  };
  const publicRoadmap = async (slug: string) => {
    await app.settle();
    return app.request<Or<PublicRoadmapView>>('GET', `/api/v1/public/${slug}/roadmap`, {
      token: null,
    });
  };

  /** A story linked to the initiative, estimated at `points`, accepted in a sprint if `done`. */
  const givenLinkedItem = async (initiativeId: string, points: number, done: boolean) => {
    const store = new PostgresEventStore(app.db.dataSource);
    const itemId = randomUUID();
    const sprintId = randomUUID();
    const by = admin.id;
    const events: BacklogItemEvent[] = [
      {
        type: 'BacklogItemCreated',
        data: {
          itemId,
          kind: 'story',
          parentId: null,
          title: `Part of ${initiativeId.slice(0, 8)}`,
          description: '',
          acceptanceCriteria: [],
          estimate: points,
          labels: [],
          ownerId: null,
          rank: 'a0',
          createdBy: by,
        },
      },
      { type: 'BacklogItemInitiativeSet', data: { itemId, initiativeId, by } },
      ...(done
        ? ([
            { type: 'BacklogItemPlanned', data: { itemId, sprintId, by } },
            {
              type: 'BacklogItemWorkStateChanged',
              data: { itemId, sprintId, from: 'todo', to: 'done', by },
            },
            { type: 'BacklogItemAccepted', data: { itemId, sprintId, points, by } },
          ] satisfies BacklogItemEvent[])
        : []),
    ];
    await store.append(`backlog-item-${itemId}`, 0, events, {
      workspaceId: admin.workspace.id,
      actorId: by,
      correlationId: randomUUID(),
    });
  };

  beforeAll(async () => {
    app = await startTestApp();
    admin = (await app.request<Me>('GET', '/api/v1/me')).body;
    ids.sso = await created({
      title: 'Single sign-on',
      description: 'SAML and OIDC.',
      lane: 'now',
      quarter: '2027-Q2',
      visibility: 'public',
    });
    ids.billing = await created({ title: 'Billing revamp', lane: 'next', quarter: '2027-Q1' });
    ids.mobile = await created({ title: 'Mobile app', lane: 'later', visibility: 'public' });
    ids.audit = await created({ title: 'Audit log', lane: 'later', visibility: 'public' });
    await givenLinkedItem(ids.sso, 5, true);
    await givenLinkedItem(ids.sso, 3, false);
    await givenLinkedItem(ids.billing, 2, false);
  });
  afterAll(() => app.close());

  it('creates initiatives internal and unscheduled unless said otherwise', async () => {
    await app.settle();
    const response = await app.request<InitiativeView>('GET', `/api/v1/initiatives/${ids.billing}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"1"');
    expect(response.body).toEqual({
      id: ids.billing,
      title: 'Billing revamp',
      description: '',
      lane: 'next',
      quarter: '2027-Q1',
      visibility: 'internal',
      progress: { itemCount: 1, doneItemCount: 0, points: 2, donePoints: 0, percent: 0 },
      version: 1,
    });
  });

  it('validates the input, naming the field', async () => {
    const quarter = await create({ title: 'Later', lane: 'later', quarter: 'Q3 2027' });
    expect(quarter.status).toBe(400);
    expect(quarter.body.errors?.[0]?.field).toBe('quarter');
    const lane = await create({ title: 'Someday', lane: 'someday' });
    expect(lane.status).toBe(400);
    expect(lane.body.errors?.[0]?.field).toBe('lane');
  });

  it('shows lanes, the quarter timeline and progress from the linked items', async () => {
    const response = await roadmap();
    expect(response.status).toBe(200);
    const { lanes, quarters, unscheduled } = response.body;
    expect(lanes.now.map((i) => i.id)).toEqual([ids.sso]);
    expect(lanes.next.map((i) => i.id)).toEqual([ids.billing]);
    expect(lanes.later.map((i) => i.id)).toEqual([ids.mobile, ids.audit]);
    expect(quarters.map((q) => [q.quarter, q.initiatives.map((i) => i.id)])).toEqual([
      ['2027-Q1', [ids.billing]],
      ['2027-Q2', [ids.sso]],
    ]);
    expect(unscheduled.map((i) => i.id)).toEqual([ids.mobile, ids.audit]);
    expect(lanes.now[0]?.progress).toEqual({
      itemCount: 2,
      doneItemCount: 1,
      points: 8,
      donePoints: 5,
      percent: 62,
    });
  });

  it('edits with If-Match only, recording just what changed', async () => {
    const path = `/api/v1/initiatives/${ids.mobile}`;
    expect((await app.request('PATCH', path, { body: { quarter: '2027-Q4' } })).status).toBe(428);
    const edited = await app.request<InitiativeChanged>('PATCH', path, {
      body: { quarter: '2027-Q4', title: 'Mobile app' },
      headers: { 'if-match': '"1"' },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toEqual({ id: ids.mobile, version: 2 });
    expect(edited.headers.get('etag')).toBe('"2"');
    const events = await new PostgresEventStore(app.db.dataSource).readStream(
      `initiative-${ids.mobile}`,
    );
    expect(events[1]?.data).toEqual({ initiativeId: ids.mobile, quarter: '2027-Q4', by: admin.id });
    const stale = await app.request('PATCH', path, {
      body: { title: 'Mobile apps' },
      headers: { 'if-match': '"1"' },
    });
    expect(stale.status).toBe(412);
    const empty = await app.request<ProblemDetails>('PATCH', path, {
      body: {},
      headers: { 'if-match': '"2"' },
    });
    expect(empty.status).toBe(400);
  });

  it('moves an initiative to another lane', async () => {
    const moved = await app.request<InitiativeChanged>(
      'POST',
      `/api/v1/initiatives/${ids.mobile}/move`,
      { body: { lane: 'next' } },
    );
    expect(moved.status).toBe(200);
    expect(moved.body.version).toBe(3);
    const { lanes, quarters } = (await roadmap()).body;
    expect(lanes.next.map((i) => i.id)).toEqual([ids.billing, ids.mobile]);
    expect(quarters.map((q) => q.quarter)).toEqual(['2027-Q1', '2027-Q2', '2027-Q4']);
  });

  it('archives an initiative: it leaves the roadmap and reads as gone', async () => {
    const archived = await app.request<InitiativeChanged>(
      'DELETE',
      `/api/v1/initiatives/${ids.audit}`,
    );
    expect(archived.status).toBe(200);
    await app.settle();
    expect((await app.request('GET', `/api/v1/initiatives/${ids.audit}`)).status).toBe(404);
    expect((await app.request('DELETE', `/api/v1/initiatives/${ids.audit}`)).status).toBe(404);
    const { lanes } = (await roadmap()).body;
    expect(lanes.later).toEqual([]);
  });

  it('shows anyone the public roadmap, without a token: public initiatives only', async () => {
    const response = await publicRoadmap('acme');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      workspace: { name: 'Acme', slug: 'acme' },
      lanes: {
        now: [
          {
            id: ids.sso,
            title: 'Single sign-on',
            description: 'SAML and OIDC.',
            lane: 'now',
            quarter: '2027-Q2',
            progress: { percent: 62 },
          },
        ],
        next: [
          {
            id: ids.mobile,
            title: 'Mobile app',
            description: '',
            lane: 'next',
            quarter: '2027-Q4',
            progress: { percent: 0 },
          },
        ],
        later: [],
      },
      quarters: [
        { quarter: '2027-Q2', initiatives: [expect.objectContaining({ id: ids.sso })] },
        { quarter: '2027-Q4', initiatives: [expect.objectContaining({ id: ids.mobile })] },
      ],
      unscheduled: [],
    });
  });

  it('answers 404 for an unknown workspace, and shows another workspace only its own', async () => {
    const unknown = await publicRoadmap('nobody-here');
    expect(unknown.status).toBe(404);
    expect(unknown.body.detail).toBe('There is no workspace "nobody-here".');
    const globex = await publicRoadmap('globex');
    expect(globex.body).toMatchObject({ lanes: { now: [], next: [], later: [] }, quarters: [] });
  });

  it('is changed and seen internally by teammates only', async () => {
    const token = app.tokens.customer;
    expect((await create({ title: 'Mine', lane: 'now' }, token)).status).toBe(403);
    expect((await roadmap(token)).status).toBe(403);
    expect((await app.request('GET', `/api/v1/initiatives/${ids.sso}`, { token })).status).toBe(
      403,
    );
    const move = await app.request('POST', `/api/v1/initiatives/${ids.sso}/move`, {
      token,
      body: { lane: 'later' },
    });
    expect(move.status).toBe(403);
    expect((await app.request('DELETE', `/api/v1/initiatives/${ids.sso}`, { token })).status).toBe(
      403,
    );
  });

  it('hides one workspace’s initiatives from another (404)', async () => {
    const token = app.tokens.outsider;
    expect((await app.request('GET', `/api/v1/initiatives/${ids.sso}`, { token })).status).toBe(
      404,
    );
    const edit = await app.request('PATCH', `/api/v1/initiatives/${ids.sso}`, {
      token,
      body: { title: 'Ours now' },
      headers: { 'if-match': '"1"' },
    });
    expect(edit.status).toBe(404);
    const move = await app.request('POST', `/api/v1/initiatives/${ids.sso}/move`, {
      token,
      body: { lane: 'later' },
    });
    expect(move.status).toBe(404);
    const theirs = await roadmap(token);
    expect(theirs.body.lanes).toEqual({ now: [], next: [], later: [] });
  });

  it('counts the stories and tasks under a linked epic, not the epic itself', async () => {
    const offline = await created({ title: 'Offline mode', lane: 'later' });
    const item = async (body: Record<string, unknown>) => {
      const response = await app.request<{ id: string }>('POST', '/api/v1/backlog', { body });
      expect(response.status).toBe(201);
      return response.body.id;
    };
    const epic = await item({ kind: 'epic', title: 'Offline everything' });
    const linked = await app.request('PUT', `/api/v1/backlog/${epic}/initiative`, {
      body: { initiativeId: offline },
    });
    expect(linked.status).toBe(200);
    const story = await item({
      kind: 'story',
      title: 'Offline drafts',
      parentId: epic,
      estimate: 3,
    });
    await item({ kind: 'task', title: 'Queue drafts locally', parentId: story, estimate: 1 });
    await item({ kind: 'story', title: 'Unrelated story', estimate: 8 });
    const response = await roadmap();
    const initiative = response.body.lanes.later.find((i) => i.id === offline);
    expect(initiative?.progress).toEqual({
      itemCount: 2,
      doneItemCount: 0,
      points: 4,
      donePoints: 0,
      percent: 0,
    });
  });
});
