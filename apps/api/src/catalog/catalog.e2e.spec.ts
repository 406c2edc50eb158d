import { startTestApp, type TestApp } from '../testing/test-app';
import type { ProblemDetails } from '../platform/problem-details';

type Status = { id: string; name: string; colour: string; kind: string; transitions: string[] };
type CatalogView = {
  boards: { id: string; name: string; visibility: string; requiresApproval: boolean }[];
  tags: { id: string; name: string; colour: string }[];
  statuses: Status[];
  version: number;
};

describe('catalog', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  const catalog = () => app.request<CatalogView>('GET', '/api/v1/catalog');

  it('starts with the General board and the default workflow at version 0, for everyone', async () => {
    const read = await app.request<CatalogView>('GET', '/api/v1/catalog', {
      token: app.tokens.customer,
    });
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('"0"');
    expect(read.body.version).toBe(0);
    expect(read.body.boards).toEqual([
      {
        id: 'general',
        name: 'General',
        visibility: 'public',
        requiresApproval: false,
        categories: [],
      },
    ]);
    expect(read.body.tags).toEqual([]);
    expect(read.body.statuses.map((s) => s.id)).toEqual([
      'open',
      'under_review',
      'planned',
      'in_progress',
      'done',
      'declined',
    ]);
  });

  it('creates and updates boards, returning the new catalog and its ETag', async () => {
    const created = await app.request<CatalogView>('POST', '/api/v1/catalog/boards', {
      body: { id: 'mobile', name: 'Mobile app', requiresApproval: true },
    });
    expect(created.status).toBe(201);
    expect(created.body.version).toBe(1);
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.body.boards).toContainEqual({
      id: 'mobile',
      name: 'Mobile app',
      visibility: 'public',
      requiresApproval: true,
      categories: [],
    });

    const updated = await app.request<CatalogView>('PATCH', '/api/v1/catalog/boards/mobile', {
      token: app.tokens.productManager,
      body: { name: 'Mobile', visibility: 'private' },
    });
    expect(updated.status).toBe(200);
    expect(updated.body.version).toBe(2);
    expect(updated.body.boards.find((b) => b.id === 'mobile')).toEqual({
      id: 'mobile',
      name: 'Mobile',
      visibility: 'private',
      requiresApproval: true,
      categories: [],
    });

    const duplicate = await app.request<ProblemDetails>('POST', '/api/v1/catalog/boards', {
      body: { id: 'mobile', name: 'Again' },
    });
    expect(duplicate.status).toBe(422);
    expect(duplicate.body.errors?.[0]?.field).toBe('boardId');

    const missing = await app.request<ProblemDetails>('PATCH', '/api/v1/catalog/boards/nope', {
      body: { name: 'Nope' },
    });
    expect(missing.status).toBe(404);
  });

  it('creates, updates and deletes tags', async () => {
    const created = await app.request<CatalogView>('POST', '/api/v1/catalog/tags', {
      body: { id: 'billing', name: 'Billing', colour: '#ff0000' },
    });
    expect(created.status).toBe(201);
    expect(created.body.tags).toEqual([{ id: 'billing', name: 'Billing', colour: '#ff0000' }]);

    const updated = await app.request<CatalogView>('PATCH', '/api/v1/catalog/tags/billing', {
      body: { colour: '#00ff00' },
    });
    expect(updated.body.tags).toEqual([{ id: 'billing', name: 'Billing', colour: '#00ff00' }]);

    const deleted = await app.request<CatalogView>('DELETE', '/api/v1/catalog/tags/billing');
    expect(deleted.status).toBe(200);
    expect(deleted.body.tags).toEqual([]);
    const again = await app.request<CatalogView>('DELETE', '/api/v1/catalog/tags/billing');
    expect(again.status).toBe(200);
    expect(again.body.version).toBe(deleted.body.version);
    expect((await catalog()).body.version).toBe(deleted.body.version);
  });

  it('adds a status, renames it and sets its transitions in one change', async () => {
    const created = await app.request<CatalogView>('POST', '/api/v1/catalog/statuses', {
      body: { id: 'shipped_beta', name: 'In beta', colour: '#0ea5e9', kind: 'active' },
    });
    expect(created.status).toBe(201);
    const before = created.body.version;

    const updated = await app.request<CatalogView>(
      'PATCH',
      '/api/v1/catalog/statuses/shipped_beta',
      {
        body: { name: 'Beta', transitions: ['done', 'declined'] },
        headers: { 'if-match': `"${before}"` },
      },
    );
    expect(updated.status).toBe(200);
    // Both changes land in one append: two events.
    expect(updated.body.version).toBe(before + 2);
    expect(updated.body.statuses.find((s) => s.id === 'shipped_beta')).toEqual({
      id: 'shipped_beta',
      name: 'Beta',
      colour: '#0ea5e9',
      kind: 'active',
      transitions: ['done', 'declined'],
    });

    const unknownTarget = await app.request<ProblemDetails>(
      'PATCH',
      '/api/v1/catalog/statuses/shipped_beta',
      { body: { name: 'Beta two', transitions: ['nowhere'] } },
    );
    expect(unknownTarget.status).toBe(422);
    expect(unknownTarget.body.errors?.[0]?.field).toBe('transitions');
    // Nothing of the refused change was applied, not even the rename.
    const after = (await catalog()).body;
    expect(after.version).toBe(updated.body.version);
    expect(after.statuses.find((s) => s.id === 'shipped_beta')?.name).toBe('Beta');
  });

  it('validates input and names the field at fault', async () => {
    const badColour = await app.request<ProblemDetails>('POST', '/api/v1/catalog/tags', {
      body: { id: 'ux', name: 'UX', colour: 'red' },
    });
    expect(badColour.status).toBe(400);
    expect(badColour.body.errors?.map((e) => e.field)).toEqual(['colour']);
    expect(badColour.body.errors?.[0]?.message).toBe('Colour must be #rrggbb.');

    const badId = await app.request<ProblemDetails>('POST', '/api/v1/catalog/boards', {
      body: { id: 'Not A Slug', name: 'Board' },
    });
    expect(badId.status).toBe(400);
    expect(badId.body.errors?.[0]?.field).toBe('id');

    const badKind = await app.request<ProblemDetails>('POST', '/api/v1/catalog/statuses', {
      body: { id: 'x', name: 'X', colour: '#000000', kind: 'sideways' },
    });
    expect(badKind.status).toBe(400);
    expect(badKind.body.errors?.[0]?.field).toBe('kind');

    const empty = await app.request<ProblemDetails>('PATCH', '/api/v1/catalog/statuses/open', {
      body: {},
    });
    expect(empty.status).toBe(400);
  });

  it('refuses every change from a customer with 403', async () => {
    const before = (await catalog()).body.version;
    const attempts = await Promise.all([
      app.request('POST', '/api/v1/catalog/boards', {
        token: app.tokens.customer,
        body: { id: 'mine', name: 'Mine' },
      }),
      app.request('PATCH', '/api/v1/catalog/boards/general', {
        token: app.tokens.customer,
        body: { name: 'Mine' },
      }),
      app.request('POST', '/api/v1/catalog/tags', {
        token: app.tokens.customer,
        body: { id: 'mine', name: 'Mine', colour: '#000000' },
      }),
      app.request('DELETE', '/api/v1/catalog/tags/anything', { token: app.tokens.customer }),
      app.request('PATCH', '/api/v1/catalog/statuses/open', {
        token: app.tokens.customer,
        body: { name: 'Mine' },
      }),
    ]);
    expect(attempts.map((a) => a.status)).toEqual([403, 403, 403, 403, 403]);
    expect((await catalog()).body.version).toBe(before);
  });

  it('refuses a stale If-Match with 412', async () => {
    const current = (await catalog()).body.version;
    const stale = await app.request<ProblemDetails>('POST', '/api/v1/catalog/tags', {
      body: { id: 'stale', name: 'Stale', colour: '#123456' },
      headers: { 'if-match': `"${current - 1}"` },
    });
    expect(stale.status).toBe(412);
    const fresh = await app.request<CatalogView>('POST', '/api/v1/catalog/tags', {
      body: { id: 'fresh', name: 'Fresh', colour: '#123456' },
      headers: { 'if-match': `"${current}"` },
    });
    expect(fresh.status).toBe(201);
    expect(fresh.body.tags.map((t) => t.id)).toEqual(['fresh']);
  });

  it('keeps each workspace to its own catalog', async () => {
    const outsider = await app.request<CatalogView>('GET', '/api/v1/catalog', {
      token: app.tokens.outsider,
    });
    expect(outsider.body.version).toBe(0);
    expect(outsider.body.boards.map((b) => b.id)).toEqual(['general']);
  });

  it('renames a status without changing the status id of feedback in it', async () => {
    const { body: submitted } = await app.request<{ id: string; status: string }>(
      'POST',
      '/api/v1/feedback',
      { token: app.tokens.customer, body: { title: 'Export to CSV' } },
    );
    expect(submitted.status).toBe('open');
    const renamed = await app.request<CatalogView>('PATCH', '/api/v1/catalog/statuses/open', {
      body: { name: 'New', colour: '#111111' },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.statuses.find((s) => s.id === 'open')).toMatchObject({
      name: 'New',
      colour: '#111111',
      kind: 'open',
    });
    await app.settle();
    const read = await app.request<{ status: string }>('GET', `/api/v1/feedback/${submitted.id}`);
    expect(read.status).toBe(200);
    expect(read.body.status).toBe('open');
  });
});
