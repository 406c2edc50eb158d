import type {
  BacklogItemView,
  CompanyView,
  RankedPage,
  ScoreBreakdown,
  ScoringModelInput,
  ScoringModelsView,
  SprintView,
  UpsertResult,
} from '@chorus/domain';
import type { ProblemDetails } from '../platform/problem-details';
import { startTestApp, type TestApp } from '../testing/test-app';

describe('prioritisation', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  const enterprisePull: ScoringModelInput = {
    name: 'Enterprise pull',
    formula: 'revenue / 100000 + enterprise * 2',
    factors: [
      { key: 'revenue', name: 'Revenue', source: { kind: 'revenue' } },
      {
        key: 'enterprise',
        name: 'Enterprise voters',
        source: { kind: 'segment_votes', segment: 'Enterprise' },
      },
    ],
  };

  const company = async (externalId: string, mrrCents: number, segment: string) => {
    const response = await app.request<UpsertResult<CompanyView>>(
      'PUT',
      `/api/v1/companies/${externalId}`,
      { body: { name: externalId, mrrCents, segment } },
    );
    expect(response.status).toBeLessThan(300);
  };
  const customer = async (externalId: string, companyExternalId: string) => {
    const response = await app.request('PUT', `/api/v1/customers/${externalId}`, {
      body: { name: externalId, companyExternalId },
    });
    expect(response.status).toBeLessThan(300);
  };
  const submit = async (title: string) => {
    const response = await app.request<{ id: string }>('POST', '/api/v1/feedback', {
      body: { title },
    });
    expect(response.status).toBe(201);
    return response.body.id;
  };
  const voteFor = async (customerExternalId: string, feedbackId: string) => {
    const response = await app.request('POST', `/api/v1/feedback/${feedbackId}/votes`, {
      body: { onBehalfOf: { customerExternalId, source: 'sales_call' } },
    });
    expect(response.status).toBe(200);
  };
  const createItem = async (title: string, more: Record<string, unknown> = {}) => {
    const response = await app.request<BacklogItemView>('POST', '/api/v1/backlog', {
      body: { kind: 'story', title, ...more },
    });
    expect(response.status).toBe(201);
    return response.body.id;
  };
  const scoreOf = async (itemId: string) => {
    await app.settle();
    const response = await app.request<ScoreBreakdown>('GET', `/api/v1/backlog/${itemId}/score`);
    expect(response.status).toBe(200);
    return response.body;
  };
  /** Makes the item ready and takes it through a sprint to done. */
  const finish = async (itemId: string) => {
    const read = await app.request('GET', `/api/v1/backlog/${itemId}`);
    const estimated = await app.request('PATCH', `/api/v1/backlog/${itemId}`, {
      body: { estimate: 2 },
      headers: { 'if-match': read.headers.get('etag')! },
    });
    const criteria = await app.request('PUT', `/api/v1/backlog/${itemId}/acceptance-criteria`, {
      body: {
        criteria: [{ given: 'a score', when: 'the work is done', then: 'it leaves the list' }],
      },
      headers: { 'if-match': estimated.headers.get('etag')! },
    });
    expect([estimated.status, criteria.status]).toEqual([200, 200]);
    const sprint = await app.request<SprintView>('POST', '/api/v1/sprints', {
      body: {
        name: `Finish ${itemId}`,
        startDate: '2027-01-04',
        endDate: '2027-01-15',
        capacity: 5,
      },
    });
    const steps = [
      await app.request('POST', `/api/v1/sprints/${sprint.body.id}/items`, { body: { itemId } }),
      await app.request('POST', `/api/v1/sprints/${sprint.body.id}/start`),
    ];
    for (const to of ['in_progress', 'in_review', 'done']) {
      steps.push(
        await app.request('POST', `/api/v1/backlog/${itemId}/work-state`, { body: { to } }),
      );
    }
    expect(steps.map((s) => s.status)).toEqual([200, 200, 200, 200, 200]);
    await app.settle();
  };
  const activate = async (modelId: string) =>
    expect((await app.request('POST', `/api/v1/scoring-models/${modelId}/activate`)).status).toBe(
      200,
    );

  let exportsFeedback: string;
  let exportsItem: string;

  beforeAll(async () => {
    await company('initech', 300_000, 'Enterprise');
    await company('hooli', 50_000, 'SMB');
    await customer('peter', 'initech');
    await customer('michael', 'initech');
    await customer('gavin', 'hooli');
  });

  it('starts with the built-in models, RICE ranking the backlog', async () => {
    const response = await app.request<ScoringModelsView>('GET', '/api/v1/scoring-models');
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"0"');
    expect(response.body.activeModelId).toBe('rice');
    const document = await app.request<{ paths: Record<string, unknown> }>(
      'GET',
      '/api/openapi.json',
    );
    expect(Object.keys(document.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/scoring-models/{modelId}',
        '/api/v1/backlog/{id}/factors',
        '/api/v1/prioritisation/next',
      ]),
    );
    expect(response.body.models.map((m) => [m.id, m.preset, m.active, m.builtIn])).toEqual([
      ['rice', 'rice', true, true],
      ['ice', 'ice', false, true],
      ['wsjf', 'wsjf', false, true],
      ['impact-effort', 'impact_effort', false, true],
    ]);
  });

  it('defines a custom model, and refuses a formula with an error with a pointed 422', async () => {
    const defined = await app.request<ScoringModelsView>(
      'PUT',
      '/api/v1/scoring-models/enterprise-pull',
      { body: enterprisePull },
    );
    expect(defined.status).toBe(200);
    expect(defined.headers.get('etag')).toBe('"1"');
    expect(defined.body.models.find((m) => m.id === 'enterprise-pull')).toEqual({
      id: 'enterprise-pull',
      ...enterprisePull,
      preset: 'custom',
      active: false,
      builtIn: false,
    });

    const bad = await app.request<ProblemDetails>('PUT', '/api/v1/scoring-models/enterprise-pull', {
      body: { ...enterprisePull, formula: 'revenue / 100000 + enterprize * 2' },
    });
    expect(bad.status).toBe(422);
    expect(bad.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(bad.body.errors).toEqual([
      {
        field: 'formula',
        pointer: '#/formula',
        message:
          'Unknown factor "enterprize" at character 20; the factors are revenue, enterprise.',
      },
    ]);
    const unclosed = await app.request<ProblemDetails>('PUT', '/api/v1/scoring-models/other', {
      body: { ...enterprisePull, formula: 'max(revenue, enterprise' },
    });
    expect(unclosed.status).toBe(422);
    expect(unclosed.body.detail).toBe('A closing parenthesis ")" is missing at character 24.');

    const stale = await app.request('PUT', '/api/v1/scoring-models/enterprise-pull', {
      body: { ...enterprisePull, name: 'Renamed' },
      headers: { 'if-match': '"0"' },
    });
    expect(stale.status).toBe(412);
  });

  it('checks a formula while it is typed, saving nothing', async () => {
    const good = await app.request('POST', '/api/v1/scoring-models/validate', {
      body: { formula: enterprisePull.formula, factors: enterprisePull.factors },
    });
    expect(good).toMatchObject({ status: 200, body: { ok: true } });
    const bad = await app.request<ProblemDetails>('POST', '/api/v1/scoring-models/validate', {
      body: { formula: 'revenue +', factors: enterprisePull.factors },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors?.[0]).toMatchObject({
      field: 'formula',
      message: 'The formula stops short at character 10: a number or factor should follow.',
    });
    const twice = await app.request<ProblemDetails>('POST', '/api/v1/scoring-models/validate', {
      body: { formula: 'revenue', factors: [enterprisePull.factors[0], enterprisePull.factors[0]] },
    });
    expect(twice.body.errors?.[0]?.field).toBe('factors.1.key');
    const models = await app.request<ScoringModelsView>('GET', '/api/v1/scoring-models');
    expect(models.body.version).toBe(1);
  });

  it('moves the score and its breakdown with votes on linked feedback', async () => {
    exportsFeedback = await submit('Export to CSV');
    exportsItem = await createItem('CSV export', { feedbackIds: [exportsFeedback] });
    expect(await scoreOf(exportsItem)).toMatchObject({ modelId: 'rice', score: 0 });

    await voteFor('peter', exportsFeedback);
    await voteFor('gavin', exportsFeedback);
    const breakdown = await scoreOf(exportsItem);
    expect(breakdown.score).toBeCloseTo(1.6);
    expect(breakdown.factors.map((f) => [f.key, f.value, f.live])).toEqual([
      ['reach', 2, true],
      ['impact', 1, false],
      ['confidence', 0.8, false],
      ['effort', 1, false],
    ]);

    const set = await app.request('PUT', `/api/v1/backlog/${exportsItem}/factors`, {
      body: { factors: { impact: 3, effort: 2 } },
    });
    expect(set.status).toBe(200);
    expect((await scoreOf(exportsItem)).score).toBeCloseTo((2 * 3 * 0.8) / 2);

    const unknown = await app.request<ProblemDetails>(
      'PUT',
      `/api/v1/backlog/${exportsItem}/factors`,
      { body: { factors: { impact: 2, reech: 3 } } },
    );
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors?.[0]?.field).toBe('factors.reech');
  });

  it('follows the MRR of the companies behind the votes, and the votes of a segment', async () => {
    await activate('enterprise-pull');
    // Initech (3,000.00) and Hooli (500.00); Peter is Initech's one enterprise voter.
    expect(await scoreOf(exportsItem)).toMatchObject({ modelId: 'enterprise-pull', score: 5.5 });

    await voteFor('michael', exportsFeedback);
    expect((await scoreOf(exportsItem)).score).toBe(7.5);

    await company('initech', 900_000, 'Enterprise');
    const breakdown = await scoreOf(exportsItem);
    expect(breakdown.score).toBe(13.5);
    expect(breakdown.factors).toEqual([
      { key: 'revenue', name: 'Revenue', source: { kind: 'revenue' }, value: 950_000, live: true },
      {
        key: 'enterprise',
        name: 'Enterprise voters',
        source: { kind: 'segment_votes', segment: 'Enterprise' },
        value: 2,
        live: true,
      },
    ]);

    await company('hooli', 50_000, 'Enterprise');
    expect((await scoreOf(exportsItem)).score).toBe(15.5);
  });

  it('ranks what to build next by score, unscored last, with filters and pages', async () => {
    const quiet = await createItem('Dark mode', { labels: ['ui'] });
    const loved = await createItem('SSO', { labels: ['security'], kind: 'epic' });
    const ssoFeedback = await submit('Single sign-on');
    expect(
      (await app.request('PUT', `/api/v1/backlog/${loved}/feedback/${ssoFeedback}`)).status,
    ).toBe(200);
    await voteFor('gavin', ssoFeedback);
    await app.settle();

    const all = await app.request<RankedPage>('GET', '/api/v1/prioritisation/next');
    expect(all.status).toBe(200);
    expect(all.body.items.map((i) => [i.title, i.score])).toEqual([
      ['CSV export', 15.5],
      ['SSO', 2.5],
      ['Dark mode', 0],
    ]);
    expect(all.body.items[1]).toMatchObject({
      itemId: loved,
      kind: 'epic',
      status: 'backlog',
      estimate: null,
      breakdown: { modelId: 'enterprise-pull', score: 2.5 },
    });

    const epics = await app.request<RankedPage>('GET', '/api/v1/prioritisation/next?kind=epic');
    expect(epics.body.items.map((i) => i.itemId)).toEqual([loved]);
    const ui = await app.request<RankedPage>('GET', '/api/v1/prioritisation/next?label=ui');
    expect(ui.body.items.map((i) => i.itemId)).toEqual([quiet]);

    const bad = await app.request<ProblemDetails>(
      'GET',
      '/api/v1/prioritisation/next?cursor=nonsense',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.[0]?.field).toBe('cursor');

    // Under RICE an effort of 0 divides by zero: no score, so last.
    await activate('rice');
    expect(
      (
        await app.request('PUT', `/api/v1/backlog/${loved}/factors`, {
          body: { factors: { effort: 0 } },
        })
      ).status,
    ).toBe(200);
    await app.settle();
    const byRice = await app.request<RankedPage>('GET', '/api/v1/prioritisation/next');
    expect(byRice.body.items.map((i) => [i.title, i.score])).toEqual([
      ['CSV export', 3.6],
      ['Dark mode', 0],
      ['SSO', null],
    ]);
    expect(byRice.body.items[2]?.breakdown).toMatchObject({
      modelId: 'rice',
      score: null,
      problem: 'Division by zero: effort is 0.',
    });

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=1&cursor=${cursor}` : '?limit=1';
      const page: { body: RankedPage } = await app.request<RankedPage>(
        'GET',
        `/api/v1/prioritisation/next${query}`,
      );
      seen.push(...page.body.items.map((i) => i.itemId));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([exportsItem, quiet, loved]);

    await finish(quiet);
    const unfinished = await app.request<RankedPage>('GET', '/api/v1/prioritisation/next');
    expect(unfinished.body.items.map((i) => i.itemId)).toEqual([exportsItem, loved]);
  });

  it('will not remove the active model, and removes another', async () => {
    const active = await app.request<ProblemDetails>('DELETE', '/api/v1/scoring-models/rice');
    expect(active.status).toBe(422);
    expect(active.body.errors?.[0]?.field).toBe('modelId');
    const removed = await app.request<ScoringModelsView>(
      'DELETE',
      '/api/v1/scoring-models/enterprise-pull',
    );
    expect(removed.status).toBe(200);
    expect(removed.body.models.map((m) => m.id)).not.toContain('enterprise-pull');
    expect((await app.request('DELETE', '/api/v1/scoring-models/enterprise-pull')).status).toBe(
      404,
    );
  });

  it('is for teammates only: customers get 403, another workspace sees nothing', async () => {
    const token = app.tokens.customer;
    for (const [method, path, body] of [
      ['GET', '/api/v1/scoring-models', undefined],
      ['PUT', '/api/v1/scoring-models/mine', enterprisePull],
      ['POST', '/api/v1/scoring-models/ice/activate', undefined],
      ['DELETE', '/api/v1/scoring-models/ice', undefined],
      ['POST', '/api/v1/scoring-models/validate', { formula: 'a', factors: [] }],
      ['PUT', `/api/v1/backlog/${exportsItem}/factors`, { factors: { impact: 1 } }],
      ['GET', `/api/v1/backlog/${exportsItem}/score`, undefined],
      ['GET', '/api/v1/prioritisation/next', undefined],
    ] as const) {
      const response = await app.request(method, path, { token, body });
      expect({ method, path, status: response.status }).toEqual({ method, path, status: 403 });
    }
    const outsider = app.tokens.outsider;
    expect(
      (await app.request('GET', `/api/v1/backlog/${exportsItem}/score`, { token: outsider }))
        .status,
    ).toBe(404);
    expect(
      (
        await app.request('PUT', `/api/v1/backlog/${exportsItem}/factors`, {
          token: outsider,
          body: { factors: { impact: 1 } },
        })
      ).status,
    ).toBe(404);
    const theirs = await app.request<RankedPage>('GET', '/api/v1/prioritisation/next', {
      token: outsider,
    });
    expect(theirs.body.items).toEqual([]);
  });
});
