import { z } from 'zod';
import { defineEvent } from '../shared/event-registry';
import { staffRoles } from '../shared/roles';

export const WorkspaceName = z
  .string()
  .trim()
  .min(2, 'Workspace name must be at least 2 characters.')
  .max(100, 'Workspace name must be at most 100 characters.');
export const WorkspaceSlug = z
  .string()
  .regex(
    /^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$/,
    'Workspace slug must be 1 to 48 lowercase letters, digits or inner dashes.',
  );

export const WorkspaceCreatedV1 = defineEvent(
  'WorkspaceCreated',
  1,
  z.object({ workspaceId: z.uuid(), name: WorkspaceName, slug: WorkspaceSlug }),
);
export const WorkspaceRenamedV1 = defineEvent(
  'WorkspaceRenamed',
  1,
  z.object({ workspaceId: z.uuid(), name: WorkspaceName }),
);

const StaffRole = z.enum(staffRoles);

/**
 * How the workspace's people sign in with their organisation's identity provider (OIDC). The
 * client secret is never in an event: it is kept in the `sso_connections` table.
 */
export const WorkspaceSingleSignOnConfiguredV1 = defineEvent(
  'WorkspaceSingleSignOnConfigured',
  1,
  z.object({
    workspaceId: z.uuid(),
    enabled: z.boolean(),
    issuer: z.string().min(1).max(500),
    clientId: z.string().min(1).max(200),
    /** The ID token claim whose values map to roles (a string or a list, e.g. `groups`). */
    roleClaim: z.string().min(1).max(100).nullable(),
    roleMap: z.record(z.string().min(1).max(200), StaffRole),
    /** The role of someone whose claim maps to none; null lets nobody else in. */
    defaultRole: StaffRole.nullable(),
  }),
);

/**
 * An admin made a new secret for the host application to sign its users' sign-in tokens with
 * (the portal and widget then take those users as they are); the old one stops working. The
 * secret is never in an event.
 */
export const WorkspacePortalSecretRotatedV1 = defineEvent(
  'WorkspacePortalSecretRotated',
  1,
  z.object({ workspaceId: z.uuid(), secretId: z.uuid(), rotatedBy: z.uuid() }),
);

export type WorkspaceCreated = {
  type: 'WorkspaceCreated';
  data: z.infer<typeof WorkspaceCreatedV1.schema>;
};
export type WorkspaceRenamed = {
  type: 'WorkspaceRenamed';
  data: z.infer<typeof WorkspaceRenamedV1.schema>;
};
export type WorkspaceSingleSignOnConfigured = {
  type: 'WorkspaceSingleSignOnConfigured';
  data: z.infer<typeof WorkspaceSingleSignOnConfiguredV1.schema>;
};
export type WorkspacePortalSecretRotated = {
  type: 'WorkspacePortalSecretRotated';
  data: z.infer<typeof WorkspacePortalSecretRotatedV1.schema>;
};
export type WorkspaceEvent =
  | WorkspaceCreated
  | WorkspaceRenamed
  | WorkspaceSingleSignOnConfigured
  | WorkspacePortalSecretRotated;

export const workspaceEventDefinitions = [
  WorkspaceCreatedV1,
  WorkspaceRenamedV1,
  WorkspaceSingleSignOnConfiguredV1,
  WorkspacePortalSecretRotatedV1,
];
