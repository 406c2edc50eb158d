import { apiKeysDecider, type CreateApiKey } from './api-keys.decider';
import type { ApiKeyEvent } from './api-key.events';
import { AggregateNotFound, DomainRuleViolation } from '../shared/errors';
import { deciderSpec } from '../testing/decider-spec';
import type { Actor } from '../shared/actor';

const spec = deciderSpec(apiKeysDecider);
const admin: Actor = { id: '0b8e4c62-5d1f-4a7e-8c3b-2f9d6e1a4b57', role: 'admin' };
const keyId = '5d6e7f80-1a2b-4c3d-8e4f-5a6b7c8d9e0f';
const otherKeyId = '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b';
const now = '2026-11-29T10:00:00.000Z';
const create = (
  overrides: Partial<Pick<CreateApiKey, 'name' | 'scopes' | 'expiresAt'>>,
): CreateApiKey => ({
  type: 'CreateApiKey',
  keyId,
  name: 'Zapier sync',
  scopes: ['read'],
  prefix: 'chorus_key_3fQa',
  expiresAt: null,
  now,
  actor: admin,
  ...overrides,
});
const created = (
  id = keyId,
  name = 'Zapier sync',
  expiresAt: string | null = null,
): ApiKeyEvent => ({
  type: 'ApiKeyCreated',
  data: {
    keyId: id,
    name,
    scopes: ['read'],
    prefix: 'chorus_key_3fQa',
    expiresAt,
    createdBy: admin.id,
  },
});

describe('CreateApiKey', () => {
  it('creates a key with a trimmed name and each scope once', () =>
    spec
      .given([])
      .when(create({ name: '  Zapier sync ', scopes: ['read', 'write', 'read'] }))
      .then([
        {
          type: 'ApiKeyCreated',
          data: {
            keyId,
            name: 'Zapier sync',
            scopes: ['read', 'write'],
            prefix: 'chorus_key_3fQa',
            expiresAt: null,
            createdBy: admin.id,
          },
        },
      ]));

  it('keeps an expiry in the future, as UTC', () =>
    spec
      .given([])
      .when(create({ expiresAt: '2027-01-01T01:00:00+01:00' }))
      .then([created(keyId, 'Zapier sync', '2027-01-01T00:00:00.000Z')]));

  it.each([
    [{ name: ' ' }, 'name', /Name the key/],
    [{ scopes: [] }, 'scopes', /at least one scope/],
    [{ scopes: ['superuser'] }, 'scopes', /read, write, admin/],
    [{ expiresAt: '2026-11-29T09:59:59.000Z' }, 'expiresAt', /in the future/],
    [{ expiresAt: '2029-01-01T00:00:00.000Z' }, 'expiresAt', /at most 730 days/],
    [{ expiresAt: 'next week' }, 'expiresAt', /ISO timestamp/],
  ])('refuses %j, naming %s', (overrides, field, message) => {
    const run = () => apiKeysDecider.decide(create(overrides), apiKeysDecider.initialState());
    expect(run).toThrow(message);
    try {
      run();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainRuleViolation);
      expect((error as DomainRuleViolation).field).toBe(field);
    }
  });

  it('refuses a second active key of the same name, whatever its case', () =>
    spec
      .given([created(otherKeyId)])
      .when(create({ name: 'ZAPIER SYNC' }))
      .thenThrows(DomainRuleViolation, /already named/));

  it('reuses the name of a revoked or expired key', () => {
    spec
      .given([
        created(otherKeyId),
        { type: 'ApiKeyRevoked', data: { keyId: otherKeyId, revokedBy: admin.id } },
      ])
      .when(create({}))
      .then([created()]);
    spec
      .given([created(otherKeyId, 'Zapier sync', '2026-11-01T00:00:00.000Z')])
      .when(create({}))
      .then([created()]);
  });
});

describe('RevokeApiKey', () => {
  it('revokes a key', () =>
    spec
      .given([created()])
      .when({ type: 'RevokeApiKey', keyId, actor: admin })
      .then([{ type: 'ApiKeyRevoked', data: { keyId, revokedBy: admin.id } }]));

  it('does nothing the second time', () =>
    spec
      .given([created(), { type: 'ApiKeyRevoked', data: { keyId, revokedBy: admin.id } }])
      .when({ type: 'RevokeApiKey', keyId, actor: admin })
      .thenNothingHappens());

  it('does not know a key of nothing', () =>
    spec
      .given([])
      .when({ type: 'RevokeApiKey', keyId, actor: admin })
      .thenThrows(AggregateNotFound));
});
