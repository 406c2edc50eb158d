import { randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';

/** How long the previous secret keeps signing after a rotation, beside the new one. */
export const PREVIOUS_SECRET_HOURS = 24;

/** A Standard Webhooks secret: `whsec_` and 32 random bytes in base64 (the spec asks 24 to 64). */
export const newWebhookSecret = (): string => `whsec_${randomBytes(32).toString('base64')}`;

/** What events must not carry, kept beside the log: the whole URL and the signing secret. */
export const writeWebhookSecret = (
  manager: Pick<EntityManager, 'query'>,
  row: { webhookId: string; workspaceId: string; url: string; secret: string | null },
): Promise<unknown> =>
  manager.query(
    `INSERT INTO webhook_secrets (webhook_id, workspace_id, url, secret) VALUES ($1, $2, $3, $4)`,
    [row.webhookId, row.workspaceId, row.url, row.secret],
  );

/** The whole URL of a subscription of the workspace; null if it has none. */
export const readWebhookUrl = async (
  manager: Pick<EntityManager, 'query'>,
  workspaceId: string,
  webhookId: string,
): Promise<string | null> => {
  const [row] = await manager.query<{ url: string }[]>(
    `SELECT url FROM webhook_secrets WHERE webhook_id = $1 AND workspace_id = $2`,
    [webhookId, workspaceId],
  );
  return row?.url ?? null;
};
