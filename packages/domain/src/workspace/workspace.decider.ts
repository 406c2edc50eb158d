import { ActionForbidden, AggregateNotFound, DomainRuleViolation } from '../shared/errors';
import type { Actor } from '../shared/actor';
import type { Decider } from '../shared/decider';
import {
  WorkspaceName,
  WorkspaceSlug,
  type WorkspaceEvent,
  type WorkspaceSingleSignOnConfigured,
} from './workspace.events';

export type SingleSignOn = Omit<WorkspaceSingleSignOnConfigured['data'], 'workspaceId'>;

export type Workspace =
  | { exists: false }
  | { exists: true; id: string; name: string; slug: string; sso: SingleSignOn | null };

export type CreateWorkspace = {
  type: 'CreateWorkspace';
  workspaceId: string;
  name: string;
  slug: string;
  actor: Actor;
};
export type RenameWorkspace = {
  type: 'RenameWorkspace';
  workspaceId: string;
  name: string;
  actor: Actor;
};
export type ConfigureSingleSignOn = {
  type: 'ConfigureSingleSignOn';
  workspaceId: string;
  sso: SingleSignOn;
  actor: Actor;
};
export type RotatePortalSecret = {
  type: 'RotatePortalSecret';
  workspaceId: string;
  secretId: string;
  actor: Actor;
};
export type WorkspaceCommand =
  CreateWorkspace | RenameWorkspace | ConfigureSingleSignOn | RotatePortalSecret;

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const ISSUER = /^(https?):\/\/(\[[0-9a-f:]+\]|[^/:?#\s]+)(:\d{1,5})?(\/[^?#\s]*)?$/i;

/** Sign-in secrets travel to the issuer: over TLS, unless it runs on this machine. */
const validIssuer = (issuer: string): string => {
  const match = ISSUER.exec(issuer.trim());
  if (!match) {
    throw new DomainRuleViolation(
      'The issuer is a URL such as https://login.example.com.',
      'issuer',
    );
  }
  const [, scheme, host] = match;
  if (scheme!.toLowerCase() !== 'https' && !LOCAL_HOSTS.has(host!.toLowerCase())) {
    throw new DomainRuleViolation('The issuer must be an https:// URL.', 'issuer');
  }
  return issuer.trim().replace(/\/+$/, '');
};

const parseName = (name: string): string => {
  const result = WorkspaceName.safeParse(name);
  if (!result.success) throw new DomainRuleViolation(result.error.issues[0]!.message, 'name');
  return result.data;
};

const assertAdmin = (actor: Actor): void => {
  if (actor.role !== 'admin') throw new ActionForbidden('Only an admin can manage the workspace.');
};

const sameSingleSignOn = (a: SingleSignOn, b: SingleSignOn): boolean =>
  a.enabled === b.enabled &&
  a.issuer === b.issuer &&
  a.clientId === b.clientId &&
  a.roleClaim === b.roleClaim &&
  a.defaultRole === b.defaultRole &&
  Object.keys(a.roleMap).length === Object.keys(b.roleMap).length &&
  Object.entries(a.roleMap).every(([value, role]) => b.roleMap[value] === role);

export const workspaceDecider: Decider<WorkspaceCommand, WorkspaceEvent, Workspace> = {
  initialState: () => ({ exists: false }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'WorkspaceCreated':
        return {
          exists: true,
          id: event.data.workspaceId,
          name: event.data.name,
          slug: event.data.slug,
          sso: null,
        };
      case 'WorkspaceRenamed':
        return state.exists ? { ...state, name: event.data.name } : state;
      case 'WorkspacePortalSecretRotated':
        return state;
      case 'WorkspaceSingleSignOnConfigured': {
        const { workspaceId: _, ...sso } = event.data;
        return state.exists ? { ...state, sso } : state;
      }
    }
  },
  decide: (command, state) => {
    assertAdmin(command.actor);
    switch (command.type) {
      case 'CreateWorkspace': {
        if (state.exists) throw new DomainRuleViolation('The workspace already exists.');
        const slug = WorkspaceSlug.safeParse(command.slug);
        if (!slug.success) throw new DomainRuleViolation(slug.error.issues[0]!.message, 'slug');
        return [
          {
            type: 'WorkspaceCreated',
            data: {
              workspaceId: command.workspaceId,
              name: parseName(command.name),
              slug: slug.data,
            },
          },
        ];
      }
      case 'RenameWorkspace': {
        if (!state.exists) throw new AggregateNotFound('Workspace', command.workspaceId);
        const name = parseName(command.name);
        return name === state.name
          ? []
          : [{ type: 'WorkspaceRenamed', data: { workspaceId: command.workspaceId, name } }];
      }
      case 'RotatePortalSecret':
        if (!state.exists) throw new AggregateNotFound('Workspace', command.workspaceId);
        return [
          {
            type: 'WorkspacePortalSecretRotated',
            data: {
              workspaceId: command.workspaceId,
              secretId: command.secretId,
              rotatedBy: command.actor.id,
            },
          },
        ];
      case 'ConfigureSingleSignOn': {
        if (!state.exists) throw new AggregateNotFound('Workspace', command.workspaceId);
        const { sso } = command;
        if (sso.clientId.trim() === '') {
          throw new DomainRuleViolation(
            'Give the client id the identity provider issued.',
            'clientId',
          );
        }
        if (Object.keys(sso.roleMap).length > 0 && sso.roleClaim === null) {
          throw new DomainRuleViolation(
            'Name the claim whose values the role map reads (for example groups).',
            'roleClaim',
          );
        }
        if (sso.enabled && sso.defaultRole === null && Object.keys(sso.roleMap).length === 0) {
          throw new DomainRuleViolation(
            'With no role map and no default role nobody could sign in: give one.',
            'defaultRole',
          );
        }
        const configured = {
          ...sso,
          issuer: validIssuer(sso.issuer),
          clientId: sso.clientId.trim(),
        };
        return state.sso !== null && sameSingleSignOn(configured, state.sso)
          ? []
          : [
              {
                type: 'WorkspaceSingleSignOnConfigured',
                data: { workspaceId: command.workspaceId, ...configured },
              },
            ];
      }
    }
  },
};

export const workspaceStreamId = (workspaceId: string): string => `workspace-${workspaceId}`;
