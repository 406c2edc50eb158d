import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { actorRoles, can, permissions, type ActorRoleName } from '@chorus/domain';
import { startTestApp, type TestApp } from '../testing/test-app';
import { operationsOf, permissionsDoc, type Operation } from './permissions-doc';

const docPath = join(__dirname, '../../../../docs/permissions.md');

/** Path parameters that are not ids take a value their route accepts. */
const pathValues: Record<string, string> = {
  kind: 'companies',
  dashboard: 'pm',
  table: 'funnel',
  workspaceSlug: 'acme',
  externalId: 'matrix-test',
};
const concrete = (path: string) =>
  path.replace(/\{(\w+)\}/g, (_, name: string) => pathValues[name] ?? randomUUID());

describe('the permission matrix over every route', () => {
  let app: TestApp;
  let operations: Operation[];
  let tokenOf: Record<ActorRoleName, string>;

  beforeAll(async () => {
    app = await startTestApp();
    const document = await app.request<Parameters<typeof operationsOf>[0]>(
      'GET',
      '/api/openapi.json',
      { token: null },
    );
    operations = operationsOf(document.body);
    tokenOf = {
      admin: app.tokens.admin,
      product_manager: app.tokens.productManager,
      product_owner: app.tokens.productOwner,
      teammate: app.tokens.teammate,
      viewer: app.tokens.viewer,
      customer: app.tokens.customer,
    };
  });
  afterAll(() => app.close());

  it('finds the whole API, each route naming a permission of the matrix or public', () => {
    expect(operations.length).toBeGreaterThan(90);
    const named = new Set(operations.map((o) => o.permission));
    for (const permission of named) {
      if (permission !== null) expect(permissions).toContain(permission);
    }
    // Public routes are few and known: they are what a stranger can reach.
    expect(
      operations
        .filter((o) => o.permission === null)
        .map((o) => `${o.method} ${o.path}`)
        .sort(),
    ).toEqual([
      'GET /api/health',
      'GET /api/v1/auth/sso/callback',
      'GET /api/v1/auth/sso/{workspaceSlug}/start',
      'GET /api/v1/public/{workspaceSlug}/changelog',
      'GET /api/v1/public/{workspaceSlug}/roadmap',
      'GET /api/v1/public/{workspaceSlug}/sso',
      'GET /api/v1/unsubscribe',
      'POST /api/v1/auth/customer-codes',
      'POST /api/v1/auth/customer-codes/confirm',
      'POST /api/v1/auth/invitations/accept',
      'POST /api/v1/auth/password-reset',
      'POST /api/v1/auth/password-reset/confirm',
      'POST /api/v1/auth/portal-token',
      'POST /api/v1/auth/sessions',
      'POST /api/v1/auth/widget-token',
      'POST /api/v1/unsubscribe',
    ]);
  });

  it('lets each role through exactly where the matrix allows, and refuses with 403 elsewhere', async () => {
    const mismatches: string[] = [];
    for (const operation of operations.filter((o) => o.permission !== null)) {
      const path = concrete(operation.path);
      for (const role of actorRoles) {
        const response = await app.request<{ type?: string }>(operation.method, path, {
          token: tokenOf[role],
          body: operation.method === 'GET' || operation.method === 'DELETE' ? undefined : {},
        });
        const allowed = can(role, operation.permission!);
        const refused = response.status === 403;
        if (allowed === refused || response.status === 401) {
          mismatches.push(
            `${role} ${operation.method} ${operation.path} (${operation.permission}): ${response.status}`,
          );
        }
        if (refused && !String(response.body.type).endsWith('/forbidden')) {
          mismatches.push(`${role} ${operation.method} ${operation.path}: 403 without a problem`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('says in the 403 which roles may', async () => {
    const response = await app.request<{ detail: string; status: number }>(
      'POST',
      `/api/v1/releases/${randomUUID()}/publish`,
      { token: app.tokens.teammate, body: {} },
    );
    expect(response.status).toBe(403);
    expect(response.body.detail).toBe(
      'A teammate may not do this (releases.publish: publish a release: ships its feedback and tells everyone who asked); allowed: admins and product managers.',
    );
  });

  it('keeps docs/permissions.md as the matrix and the routes say', () => {
    const expected = permissionsDoc(operations);
    if (process.env.CHORUS_WRITE_DOCS === '1') writeFileSync(docPath, expected);
    expect(readFileSync(docPath, 'utf8')).toBe(expected);
  });
});
