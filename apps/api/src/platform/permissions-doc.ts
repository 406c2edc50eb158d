import {
  actorRoles,
  can,
  permissionMatrix,
  permissions,
  roleLabels,
  type Permission,
} from '@chorus/domain';

/** One operation of the OpenAPI document, as the matrix sees it. */
export type Operation = {
  method: string;
  path: string;
  permission: Permission | null;
  summary: string;
};

type OpenApiOperation = {
  summary?: string;
  'x-chorus-permission'?: Permission;
  'x-chorus-public'?: boolean;
};

const methods = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** Every operation of the API with the permission it names (`null`: public, no token). */
export const operationsOf = (document: {
  paths: Record<string, Partial<Record<string, OpenApiOperation>>>;
}): Operation[] =>
  Object.entries(document.paths).flatMap(([path, item]) =>
    methods.flatMap((method) => {
      const operation = item[method];
      if (!operation) return [];
      return [
        {
          method: method.toUpperCase(),
          path,
          permission: operation['x-chorus-permission'] ?? null,
          summary: operation.summary ?? '',
        },
      ];
    }),
  );

const mark = (allowed: boolean) => (allowed ? '✓' : '—');

/**
 * docs/permissions.md, written from the matrix and the routes: the permission matrix test
 * fails when the committed file differs (regenerate with `CHORUS_WRITE_DOCS=1`).
 */
export const permissionsDoc = (operations: readonly Operation[]): string => {
  const header = `| Permission | What it allows | ${actorRoles.map((r) => roleLabels[r]).join(' | ')} |`;
  const rule = `| --- | --- | ${actorRoles.map(() => ':-:').join(' | ')} |`;
  const rows = permissions.map(
    (p) =>
      `| \`${p}\` | ${permissionMatrix[p].what} | ${actorRoles.map((r) => mark(can(r, p))).join(' | ')} |`,
  );
  const byPermission = (p: Permission | null) =>
    operations
      .filter((o) => o.permission === p)
      .map((o) => `- \`${o.method} ${o.path}\`${o.summary ? ` — ${o.summary}` : ''}`);
  return [
    '# Permissions',
    '',
    '<!-- Generated from packages/domain/src/shared/permissions.ts and the API routes by',
    '     apps/api/src/platform/permissions.e2e.spec.ts (CHORUS_WRITE_DOCS=1 rewrites it). -->',
    '',
    'One matrix decides what each role may do: `permissionMatrix` in',
    '`packages/domain/src/shared/permissions.ts`. Every API route names exactly one permission',
    "(`@Requires(…)`) or is public; the API's guard refuses anything else with 403 problem+json",
    'saying which roles may. Rules that depend on the data — only the author edits a post,',
    "customers never see internal comments or private boards — are the deciders' and views'.",
    'A test calls every route with every role and expects exactly this table.',
    '',
    '## Roles',
    '',
    '- **Admin** — everything, including the audit trail.',
    '- **Product manager** — owns the roadmap, the changelog and publishing; plans the backlog.',
    '- **Product owner** — owns the backlog, sprints and acceptance; prepares releases.',
    '- **Teammate** — support, sales, engineering: triage feedback, customers, move planned work.',
    '- **Viewer** — reads everything the organisation sees, changes nothing.',
    '- **Customer** — the portal: submits, votes, comments, follows; sees only public things.',
    '',
    '## Matrix',
    '',
    header,
    rule,
    ...rows,
    '',
    '## Routes by permission',
    '',
    ...permissions.flatMap((p) => [`### \`${p}\``, '', ...byPermission(p), '']),
    '### Public (no token)',
    '',
    ...byPermission(null),
    '',
  ].join('\n');
};
