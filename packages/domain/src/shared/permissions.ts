import { actorRoles, roleLabels, staffRoles, type ActorRoleName } from './roles';

type Roles = readonly ActorRoleName[];

const everyone: Roles = actorRoles;
/** Everyone who takes part: a viewer only looks. */
const participants: Roles = actorRoles.filter((role) => role !== 'viewer');
const staff: Roles = staffRoles;
const triagers: Roles = ['admin', 'product_manager', 'product_owner', 'teammate'];
const planners: Roles = ['admin', 'product_manager', 'product_owner'];

/**
 * The permission matrix: what each role may do, written once. The API's guard enforces it on
 * every route (each route names one permission), docs/permissions.md is generated from it, and
 * a test walks every route with every role against it. Rules that depend on the data (only the
 * author edits a post, customers never see internal comments) stay in the deciders and views.
 */
export const permissionMatrix = {
  'profile.read': {
    roles: everyone,
    what: 'Read who they are, their notifications, and mark them read',
  },
  'profile.update': {
    roles: everyone,
    what: 'Change their own password and notification settings, and sign out',
  },
  'feedback.read': {
    roles: everyone,
    what: 'Read feedback, comments and search (customers: what their portal shows)',
  },
  'feedback.participate': {
    roles: participants,
    what: 'Submit and edit their own feedback, vote, comment, follow',
  },
  'feedback.triage': {
    roles: triagers,
    what: 'Change status, tag, categorise, moderate, mark spam, merge and unmerge',
  },
  'feedback.internal.read': {
    roles: staff,
    what: "Read a request's timeline, followers, merge previews and linked backlog items",
  },
  'catalog.read': { roles: everyone, what: 'Read boards, categories, tags and statuses' },
  'catalog.manage': {
    roles: ['admin', 'product_manager'],
    what: 'Create and change boards, categories, tags and statuses',
  },
  'customers.read': { roles: staff, what: 'Read customers and companies' },
  'customers.manage': {
    roles: triagers,
    what: 'Create and update customers and companies, import them',
  },
  'teammates.read': { roles: staff, what: 'List the teammates of the workspace' },
  'backlog.read': {
    roles: staff,
    what: 'Read the backlog, scores, scoring models and what to build next',
  },
  'backlog.plan': {
    roles: planners,
    what: 'Create, edit and rank backlog items, criteria, links, factors and initiatives',
  },
  'backlog.work': {
    roles: triagers,
    what: 'Move planned work through to do, in progress, in review and done; check criteria',
  },
  'backlog.accept': {
    roles: ['admin', 'product_owner'],
    what: 'Accept or reject done work against its acceptance criteria',
  },
  'prioritisation.manage': {
    roles: planners,
    what: 'Create, change, delete and activate scoring models',
  },
  'sprints.read': { roles: staff, what: 'Read sprints and their boards' },
  'sprints.manage': {
    roles: ['admin', 'product_owner'],
    what: 'Create, change, start and complete sprints; plan work into them',
  },
  'roadmap.read': { roles: staff, what: 'Read the roadmap with its internal initiatives' },
  'roadmap.manage': {
    roles: ['admin', 'product_manager'],
    what: 'Create, change, move and archive initiatives',
  },
  'releases.read': { roles: staff, what: 'Read releases and their drafts' },
  'releases.manage': {
    roles: planners,
    what: 'Create releases, choose their items, write and schedule the changelog entry',
  },
  'releases.publish': {
    roles: ['admin', 'product_manager'],
    what: 'Publish a release: ships its feedback and tells everyone who asked',
  },
  'changelog.read': { roles: everyone, what: 'Read the published changelog' },
  'dashboards.read': {
    roles: staff,
    what: 'Read the product and delivery dashboards, their tables and drill-downs',
  },
  'audit.read': { roles: ['admin'], what: 'Read and export the audit trail' },
  'people.manage': {
    roles: ['admin'],
    what: 'Invite people, change their roles, deactivate and reactivate them',
  },
  'privacy.erase': {
    roles: ['admin'],
    what: "Erase a person's personal data for good (GDPR)",
  },
  'api-keys.manage': {
    roles: ['admin'],
    what: 'Create, list and revoke API keys for services',
  },
  'integrations.manage': {
    roles: ['admin', 'product_manager'],
    what: 'Set up webhooks and Slack, read their delivery logs and redeliver',
  },
  'workspace.import': {
    roles: ['admin'],
    what: 'Import feedback, votes, customers and companies from CSV, Canny, Fider or a Chorus export',
  },
  'workspace.export': {
    roles: ['admin'],
    what: 'Export the whole workspace: its events and its read models',
  },
} as const satisfies Record<string, { roles: Roles; what: string }>;

export type Permission = keyof typeof permissionMatrix;
export const permissions = Object.keys(permissionMatrix) as Permission[];

export const can = (role: ActorRoleName, permission: Permission): boolean =>
  (permissionMatrix[permission].roles as Roles).includes(role);

/** Who may, in words: "everyone", or "admins and product managers". */
export const whoCan = (permission: Permission): string => {
  const roles = permissionMatrix[permission].roles as Roles;
  if (roles.length === actorRoles.length) return 'everyone';
  const names = roles.map((role) => `${roleLabels[role]}s`.toLowerCase());
  const last = names.pop() ?? 'nobody';
  return names.length === 0 ? last : `${names.join(', ')} and ${last}`;
};

/**
 * What an API key may do. A service has no role: its key carries scopes. `read` allows what a
 * viewer may read; `write` everything but what only admins may; `admin` everything.
 */
export const apiKeyScopes = ['read', 'write', 'admin'] as const;
export type ApiKeyScope = (typeof apiKeyScopes)[number];

const adminOnly = (permission: Permission): boolean =>
  actorRoles.every((role) => role === 'admin' || !can(role, permission));

export const scopesAllow = (scopes: readonly ApiKeyScope[], permission: Permission): boolean => {
  if (scopes.includes('admin')) return true;
  if (adminOnly(permission)) return false;
  return (
    scopes.includes('write') ||
    (scopes.includes('read') && permission.endsWith('.read') && can('viewer', permission))
  );
};
