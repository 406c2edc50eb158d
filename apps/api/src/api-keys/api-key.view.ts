import type { DataSource, EntityManager } from 'typeorm';
import type { ApiKeyView } from '@chorus/domain';
import { iso } from '../platform/sql-time';

/** The keys of a workspace as listed (newest first), or only the one asked for. */
export const readApiKeys = (
  db: Pick<DataSource | EntityManager, 'query'>,
  workspaceId: string,
  keyId?: string,
): Promise<ApiKeyView[]> =>
  db.query<ApiKeyView[]>(
    `SELECT k.id, k.name, k.scopes, k.prefix,
       CASE WHEN k.revoked_at IS NOT NULL THEN 'revoked'
            WHEN k.expires_at <= now() THEN 'expired' ELSE 'active' END AS status,
       ${iso('k.created_at')} AS "createdAt",
       jsonb_build_object('id', k.created_by, 'name', coalesce(u.name, 'Someone')) AS "createdBy",
       ${iso('k.expires_at')} AS "expiresAt", ${iso('k.revoked_at')} AS "revokedAt",
       ${iso('k.last_used_at')} AS "lastUsedAt"
     FROM api_keys k LEFT JOIN users u ON u.id = k.created_by
     WHERE k.workspace_id = $1 AND ($2::uuid IS NULL OR k.id = $2)
     ORDER BY k.created_at DESC, k.id`,
    [workspaceId, keyId ?? null],
  );
