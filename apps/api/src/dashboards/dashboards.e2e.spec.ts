import type { DrillPage, PmDashboard, PoDashboard } from '@chorus/domain';
import { dayOf } from '@chorus/domain';
import type { ProblemDetails } from '../platform/problem-details';
import { startTestApp, type TestApp } from '../testing/test-app';

type Or<T> = T & Omit<ProblemDetails, 'status'>;

describe('dashboards', () => {
  let app: TestApp;
  const ids: string[] = [];
  let beforeLater = '';
  const today = dayOf(new Date().toISOString());

  const submit = async (title: string) => {
    const response = await app.request<{ id: string }>('POST', '/api/v1/feedback', {
      token: app.tokens.customer,
      body: { title },
    });
    expect(response.status).toBe(201);
    ids.push(response.body.id);
    return response.body.id;
  };
  const pm = async (query = '', token?: string) => {
    await app.settle();
    return app.request<Or<PmDashboard>>('GET', `/api/v1/dashboards/pm${query}`, { token });
  };

  beforeAll(async () => {
    app = await startTestApp();
    const sso = await submit('Single sign-on with Okta');
    await app.request('POST', `/api/v1/feedback/${sso}/votes`, { token: app.tokens.otherCustomer });
    await app.settle();
    beforeLater = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await submit('Dark mode');
    const exports = await submit('CSV export of reports');
    await app.request('POST', `/api/v1/feedback/${exports}/status`, {
      token: app.tokens.teammate,
      body: { status: 'under_review' },
    });
  });
  afterAll(() => app.close());

  it('counts what happened in the last 30 days, with the period before to compare', async () => {
    const response = await pm();
    expect(response.status).toBe(200);
    const { query, current, previous, names, filters } = response.body;
    expect(query).toMatchObject({ to: today, granularity: 'day', asOf: null });
    expect(current.feedbackVolume.total).toBe(3);
    expect(current.feedbackVolume.series).toHaveLength(30);
    expect(current.votes).toMatchObject({ cast: 1, withdrawn: 0, net: 1 });
    expect(current.uniqueVoters.total).toBe(1);
    expect(current.topByVotes[0]).toMatchObject({ title: 'Single sign-on with Okta', votes: 1 });
    expect(current.funnel.stages).toEqual([
      { stage: 'submitted', count: 3 },
      { stage: 'triaged', count: 1 },
      { stage: 'planned', count: 0 },
      { stage: 'done', count: 0 },
    ]);
    expect(current.responseTimes).toMatchObject({ submitted: 3, untriaged: 2 });
    expect(current.ageing.total).toBe(3);
    expect(previous?.feedbackVolume.total).toBe(0);
    expect(names.statuses.under_review).toBe('Under review');
    expect(filters.boards.map((b) => b.id)).toContain('general');
  });

  it('answers as the dashboard stood at a past moment', async () => {
    const response = await pm(`?asOf=${encodeURIComponent(beforeLater)}&compare=false`);
    expect(response.status).toBe(200);
    expect(response.body.query.asOf).toBe(beforeLater);
    expect(response.body.current.feedbackVolume.total).toBe(1);
    expect(response.body.current.funnel.stages[1]).toEqual({ stage: 'triaged', count: 0 });
    expect(response.body.previous).toBeNull();
  });

  it('filters by board and narrows the range', async () => {
    const mobile = await pm('?boardId=mobile');
    expect(mobile.body.current.feedbackVolume.total).toBe(0);
    const week = await pm(`?from=${today}&to=${today}&granularity=week`);
    expect(week.body.current.feedbackVolume.series).toHaveLength(1);
    expect(week.body.current.feedbackVolume.total).toBe(3);
  });

  it('exports the table behind a chart as CSV', async () => {
    await app.settle();
    const response = await app.request<string>(
      'GET',
      `/api/v1/dashboards/pm/tables/feedback-volume.csv?from=${today}&to=${today}`,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.body).toBe(`period,feedback\n${today},3\n`);
    const top = await app.request<string>('GET', '/api/v1/dashboards/pm/tables/top-by-votes.csv');
    expect(top.body.split('\n')[1]).toContain('Single sign-on with Okta');
    const unknown = await app.request<ProblemDetails>(
      'GET',
      '/api/v1/dashboards/po/tables/top-by-votes.csv',
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body.detail).toMatch(/velocity/);
  });

  it('drills from a number to the feedback behind it, page by page', async () => {
    await app.settle();
    const first = await app.request<DrillPage>(
      'GET',
      '/api/v1/dashboards/drill?of=submitted&limit=2',
    );
    expect(first.status).toBe(200);
    expect(first.body.total).toBe(3);
    expect(first.body.rows.map((r) => r.title)).toEqual(['CSV export of reports', 'Dark mode']);
    const second = await app.request<DrillPage>(
      'GET',
      `/api/v1/dashboards/drill?of=submitted&limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.rows).toMatchObject([
      { kind: 'feedback', id: ids[0], title: 'Single sign-on with Okta', votes: 1 },
    ]);
    expect(second.body.nextCursor).toBeNull();
    const reviewed = await app.request<DrillPage>(
      'GET',
      '/api/v1/dashboards/drill?of=status&statusId=under_review',
    );
    expect(reviewed.body.rows.map((r) => r.id)).toEqual([ids[2]]);
  });

  it('shows the delivery dashboard', async () => {
    await app.request('POST', '/api/v1/backlog', {
      token: app.tokens.productOwner,
      body: { kind: 'story', title: 'Okta sign-in', estimate: 3 },
    });
    await app.settle();
    const response = await app.request<Or<PoDashboard>>('GET', '/api/v1/dashboards/po');
    expect(response.status).toBe(200);
    expect(response.body.current.backlogHealth).toMatchObject({
      items: 1,
      ready: { numerator: 0, denominator: 1, ratio: 0 },
    });
    expect(response.body.current.velocity.sprints).toEqual([]);
  });

  it('refuses bad queries, naming the field', async () => {
    const backwards = await pm('?from=2026-05-02&to=2026-05-01');
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors?.[0]?.field).toBe('from');
    const asOf = await pm('?asOf=yesterday');
    expect(asOf.status).toBe(400);
    expect(asOf.body.errors?.[0]?.field).toBe('asOf');
    const status = await app.request<ProblemDetails>('GET', '/api/v1/dashboards/drill?of=status');
    expect(status.status).toBe(400);
    expect(status.body.errors?.[0]?.field).toBe('statusId');
  });

  it('is for teammates of the workspace only', async () => {
    expect((await pm('', app.tokens.customer)).status).toBe(403);
    const outsider = await pm('', app.tokens.outsider);
    expect(outsider.status).toBe(200);
    expect(outsider.body.current.feedbackVolume.total).toBe(0);
  });
});
