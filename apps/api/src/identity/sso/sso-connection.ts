import type { DataSource, EntityManager } from 'typeorm';
import type { SingleSignOn, StaffRoleName } from '@chorus/domain';

export type SsoConnection = SingleSignOn & { workspaceId: string; clientSecret: string };

/** A workspace's single sign-on settings with their secret, or null when none were saved. */
export const readSsoConnection = async (
  db: Pick<DataSource | EntityManager, 'query'>,
  workspaceId: string,
): Promise<SsoConnection | null> => {
  const [row] = await db.query<
    {
      enabled: boolean;
      issuer: string;
      client_id: string;
      client_secret: string;
      role_claim: string | null;
      role_map: Record<string, StaffRoleName>;
      default_role: StaffRoleName | null;
    }[]
  >(`SELECT * FROM sso_connections WHERE workspace_id = $1`, [workspaceId]);
  return row
    ? {
        workspaceId,
        enabled: row.enabled,
        issuer: row.issuer,
        clientId: row.client_id,
        clientSecret: row.client_secret,
        roleClaim: row.role_claim,
        roleMap: row.role_map,
        defaultRole: row.default_role,
      }
    : null;
};

export const writeSsoConnection = (
  manager: Pick<EntityManager, 'query'>,
  connection: SsoConnection,
): Promise<unknown> =>
  manager.query(
    `INSERT INTO sso_connections (workspace_id, enabled, issuer, client_id, client_secret,
       role_claim, role_map, default_role)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (workspace_id) DO UPDATE SET enabled = EXCLUDED.enabled, issuer = EXCLUDED.issuer,
       client_id = EXCLUDED.client_id, client_secret = EXCLUDED.client_secret,
       role_claim = EXCLUDED.role_claim, role_map = EXCLUDED.role_map,
       default_role = EXCLUDED.default_role, updated_at = now()`,
    [
      connection.workspaceId,
      connection.enabled,
      connection.issuer,
      connection.clientId,
      connection.clientSecret,
      connection.roleClaim,
      JSON.stringify(connection.roleMap),
      connection.defaultRole,
    ],
  );

/**
 * The role a person's claim gives: the first of the map's values they hold, else the default.
 * A claim may be one string or a list (groups).
 */
export const roleFromClaims = (
  connection: Pick<SsoConnection, 'roleClaim' | 'roleMap' | 'defaultRole'>,
  claims: Record<string, unknown>,
): { role: StaffRoleName | null; fromClaim: boolean } => {
  const raw = connection.roleClaim === null ? undefined : claims[connection.roleClaim];
  const held = new Set(
    (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string'),
  );
  const mapped = Object.entries(connection.roleMap).find(([value]) => held.has(value));
  return mapped
    ? { role: mapped[1], fromClaim: true }
    : { role: connection.defaultRole, fromClaim: false };
};
