import { startTestApp, type TestApp } from '../testing/test-app';
import { operationsOf, type Operation } from './permissions-doc';

/** Every piece of Acme's data carries this word: finding it in an answer to Globex is a leak. */
const MARK = 'Zanzibar';

type Ids = {
  feedback: string;
  comment: string;
  item: string;
  criterion: string;
  sprint: string;
  initiative: string;
  release: string;
  company: string;
  person: string;
};

/**
 * Which of Acme's resources a path parameter names. Catalog ids, scoring model ids and external
 * ids are names within the caller's own workspace: Globex using them reaches its own data.
 */
const acmeValue = (path: string, param: string, ids: Ids): string | null => {
  const area = /^\/api\/v1\/([^/]+)/.exec(path)?.[1];
  if (param === 'feedbackId') return ids.feedback;
  if (param === 'itemId') return ids.item;
  if (param === 'criterionId') return ids.criterion;
  if (param !== 'id') return null;
  const byArea: Record<string, string> = {
    feedback: ids.feedback,
    backlog: ids.item,
    sprints: ids.sprint,
    initiatives: ids.initiative,
    releases: ids.release,
    comments: ids.comment,
    companies: ids.company,
    people: ids.person,
  };
  return area === undefined ? null : (byArea[area] ?? null);
};

const ownValues: Record<string, string> = {
  kind: 'companies',
  dashboard: 'pm',
  table: 'funnel',
  workspaceSlug: 'acme',
  externalId: 'zanzibar-co',
  modelId: 'rice',
  tagId: 'bug',
  categoryId: 'general',
};

describe('workspace isolation over every route', () => {
  let app: TestApp;
  let operations: Operation[];
  let ids: Ids;
  const acmeEvents = async () => {
    const [{ count }] = await app.db.dataSource.query<[{ count: number }]>(
      `SELECT count(*)::int AS count FROM events
       WHERE workspace_id = (SELECT workspace_id FROM users WHERE email = 'ada@acme.test')`,
    );
    return count;
  };
  const ok = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await app.request<T>(method, path, { body });
    if (response.status >= 300) {
      throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
    }
    return response.body;
  };

  beforeAll(async () => {
    app = await startTestApp();
    operations = operationsOf(
      (await app.request<Parameters<typeof operationsOf>[0]>('GET', '/api/openapi.json')).body,
    );
    const feedback = await ok<{ id: string }>('POST', '/api/v1/feedback', {
      title: `${MARK} export`,
      description: `${MARK} wants every report as a spreadsheet.`,
    });
    await ok('POST', `/api/v1/feedback/${feedback.id}/votes`);
    const comment = await ok<{ id: string }>('POST', `/api/v1/feedback/${feedback.id}/comments`, {
      body: `${MARK} internal note`,
      visibility: 'internal',
    });
    const initiative = await ok<{ id: string }>('POST', '/api/v1/initiatives', {
      title: `${MARK} initiative`,
      lane: 'now',
    });
    const item = await ok<{ id: string; acceptanceCriteria: { id: string }[] }>(
      'POST',
      '/api/v1/backlog',
      {
        kind: 'story',
        title: `${MARK} story`,
        acceptanceCriteria: [{ given: `${MARK} data`, when: 'exported', then: 'a CSV' }],
        estimate: 3,
        feedbackIds: [feedback.id],
      },
    );
    const sprint = await ok<{ id: string }>('POST', '/api/v1/sprints', {
      name: `${MARK} sprint`,
      startDate: '2027-01-04',
      endDate: '2027-01-15',
      capacity: 5,
    });
    await ok('POST', `/api/v1/sprints/${sprint.id}/items`, { itemId: item.id });
    const release = await ok<{ id: string }>('POST', '/api/v1/releases', {
      name: `${MARK} release`,
      date: '2027-01-20',
    });
    await ok('PUT', `/api/v1/releases/${release.id}/changelog`, {
      title: `${MARK} notes`,
      body: `${MARK} ships.`,
    });
    await ok('PUT', '/api/v1/companies/zanzibar-co', { name: `${MARK} Corp`, mrrCents: 990_00 });
    await ok('PUT', '/api/v1/customers/zanzibar-cust', {
      name: `${MARK} Person`,
      email: 'person@zanzibar.test',
      companyExternalId: 'zanzibar-co',
    });
    await app.settle();
    const companies = await ok<{ items: { id: string }[] }>('GET', '/api/v1/companies');
    const person = await ok<{ id: string }>('GET', '/api/v1/me');
    ids = {
      feedback: feedback.id,
      comment: comment.id,
      item: item.id,
      criterion: item.acceptanceCriteria[0]!.id,
      sprint: sprint.id,
      initiative: initiative.id,
      release: release.id,
      company: companies.items[0]!.id,
      person: person.id,
    };
  });
  afterAll(() => app.close());

  it('shows Acme its own data, so the walk below looks for something that is there', async () => {
    const found = await app.request<unknown>('GET', `/api/v1/feedback/${ids.feedback}`);
    expect(JSON.stringify(found.body)).toContain(MARK);
  });

  it('answers another workspace 404 for every one of Acme’s resources, and never its data', async () => {
    const before = await acmeEvents();
    const problems: string[] = [];
    for (const operation of operations) {
      let namesAcme = false;
      const path = operation.path.replace(/\{(\w+)\}/g, (_, param: string) => {
        const value = acmeValue(operation.path, param, ids);
        if (value !== null) namesAcme = true;
        return value ?? ownValues[param] ?? param;
      });
      // The merge preview names the item to keep in its query: Acme's too.
      const query = operation.path.endsWith('/merge-preview') ? `?intoId=${ids.feedback}` : '';
      const write = operation.method !== 'GET';
      const response = await app.request<unknown>(operation.method, `${path}${query}`, {
        token: app.tokens.outsider,
        body: write && operation.method !== 'DELETE' ? {} : undefined,
        headers: write ? { 'if-match': '"1"' } : {},
      });
      const label = `${operation.method} ${operation.path}: ${response.status}`;
      if (JSON.stringify(response.body).includes(MARK)) problems.push(`${label} shows Acme data`);
      // A write may be refused for its body before anything is looked up: still nothing of Acme.
      const expected = write ? [404, 400] : [404];
      if (namesAcme && !expected.includes(response.status)) problems.push(label);
    }
    expect(problems).toEqual([]);
    expect(await acmeEvents()).toBe(before);
  });
});
