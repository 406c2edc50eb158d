import { workspaceDecider } from './workspace.decider';
import type { WorkspaceEvent } from './workspace.events';
import { ActionForbidden, AggregateNotFound, DomainRuleViolation } from '../shared/errors';
import { deciderSpec } from '../testing/decider-spec';
import type { Actor } from '../shared/actor';

const spec = deciderSpec(workspaceDecider);
const workspaceId = '3f1b2c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d';
const admin: Actor = { id: 'admin', role: 'admin' };
const created: WorkspaceEvent = {
  type: 'WorkspaceCreated',
  data: { workspaceId, name: 'Acme', slug: 'acme' },
};

describe('CreateWorkspace', () => {
  it('creates a workspace with a trimmed name', () =>
    spec
      .given([])
      .when({ type: 'CreateWorkspace', workspaceId, name: ' Acme ', slug: 'acme', actor: admin })
      .then([created]));

  it('rejects a second creation', () =>
    spec
      .given([created])
      .when({ type: 'CreateWorkspace', workspaceId, name: 'Acme', slug: 'acme', actor: admin })
      .thenThrows(DomainRuleViolation, /already exists/));

  it.each(['Acme', '-acme', 'ac me', ''])('rejects the slug %j', (slug) =>
    spec
      .given([])
      .when({ type: 'CreateWorkspace', workspaceId, name: 'Acme', slug, actor: admin })
      .thenThrows(DomainRuleViolation, /slug/),
  );

  it('is for admins only', () =>
    spec
      .given([])
      .when({
        type: 'CreateWorkspace',
        workspaceId,
        name: 'Acme',
        slug: 'acme',
        actor: { id: 'x', role: 'teammate' },
      })
      .thenThrows(ActionForbidden));
});

describe('RenameWorkspace', () => {
  it('renames', () =>
    spec
      .given([created])
      .when({ type: 'RenameWorkspace', workspaceId, name: 'Acme Inc', actor: admin })
      .then([{ type: 'WorkspaceRenamed', data: { workspaceId, name: 'Acme Inc' } }]));

  it('is a no-op for the same name', () =>
    spec
      .given([created])
      .when({ type: 'RenameWorkspace', workspaceId, name: 'Acme', actor: admin })
      .thenNothingHappens());

  it('rejects a one-letter name', () =>
    spec
      .given([created])
      .when({ type: 'RenameWorkspace', workspaceId, name: 'A', actor: admin })
      .thenThrows(DomainRuleViolation, /at least 2/));

  it('cannot rename a workspace that does not exist', () =>
    spec
      .given([])
      .when({ type: 'RenameWorkspace', workspaceId, name: 'Acme', actor: admin })
      .thenThrows(AggregateNotFound));
});

describe('ConfigureSingleSignOn', () => {
  const sso = {
    enabled: true,
    issuer: 'https://login.acme.test/',
    clientId: 'chorus',
    roleClaim: 'groups',
    roleMap: { 'product-managers': 'product_manager' as const },
    defaultRole: 'teammate' as const,
  };
  const configured: WorkspaceEvent = {
    type: 'WorkspaceSingleSignOnConfigured',
    data: { workspaceId, ...sso, issuer: 'https://login.acme.test' },
  };

  it('configures single sign-on, never with a secret', () =>
    spec
      .given([created])
      .when({ type: 'ConfigureSingleSignOn', workspaceId, sso, actor: admin })
      .then([configured]));

  it('does nothing when nothing changes', () =>
    spec
      .given([created, configured])
      .when({ type: 'ConfigureSingleSignOn', workspaceId, sso, actor: admin })
      .thenNothingHappens());

  it.each([
    [{ issuer: 'http://login.acme.test' }, /https/],
    [{ issuer: 'not a url' }, /URL/],
    [{ clientId: ' ' }, /client id/],
    [{ roleClaim: null }, /claim/],
    [{ roleMap: {}, defaultRole: null }, /nobody could sign in/],
  ])('refuses %j', (change, message) =>
    spec
      .given([created])
      .when({
        type: 'ConfigureSingleSignOn',
        workspaceId,
        sso: { ...sso, ...change },
        actor: admin,
      })
      .thenThrows(DomainRuleViolation, message),
  );

  it('allows a provider on this machine over http, for development', () =>
    spec
      .given([created])
      .when({
        type: 'ConfigureSingleSignOn',
        workspaceId,
        sso: { ...sso, issuer: 'http://127.0.0.1:4000' },
        actor: admin,
      })
      .then([{ ...configured, data: { ...configured.data, issuer: 'http://127.0.0.1:4000' } }]));
});

describe('RotatePortalSecret', () => {
  it('records a new secret, never the secret', () =>
    spec
      .given([created])
      .when({ type: 'RotatePortalSecret', workspaceId, secretId: workspaceId, actor: admin })
      .then([
        {
          type: 'WorkspacePortalSecretRotated',
          data: { workspaceId, secretId: workspaceId, rotatedBy: admin.id },
        },
      ]));
});
