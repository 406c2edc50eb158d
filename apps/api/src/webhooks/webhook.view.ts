import type { DataSource, EntityManager } from 'typeorm';
import {
  evolveWebhookRecord,
  webhookStreamId,
  type WebhookEvent,
  type WebhookLastDelivery,
  type WebhookRecord,
  type WebhookView,
} from '@chorus/domain';
import type { PostgresEventStore } from '@chorus/event-store';
import { iso } from '../platform/sql-time';
import { notFound } from '../platform/problem-details';

type Queryable = Pick<DataSource | EntityManager, 'query'>;

/** How much of a secret is shown, to tell secrets apart: `whsec_` and four characters. */
export const SHOWN_SECRET_CHARACTERS = 10;

type Extras = {
  webhook_id: string;
  secret_prefix: string | null;
  created_by_name: string | null;
  last_delivery: WebhookLastDelivery | null;
};

/** What a view adds to the subscription's record: from beside the log and the delivery log. */
const readExtras = async (
  db: Queryable,
  workspaceId: string,
  records: readonly WebhookRecord[],
): Promise<Map<string, Extras>> => {
  if (records.length === 0) return new Map();
  const rows = await db.query<Extras[]>(
    `SELECT r.webhook_id, left(s.secret, ${SHOWN_SECRET_CHARACTERS}) AS secret_prefix,
       u.name AS created_by_name,
       (SELECT jsonb_build_object('status', d.status,
          'at', ${iso('coalesce(d.last_attempt_at, d.created_at)')},
          'statusCode', d.last_status_code)
        FROM webhook_deliveries d
        WHERE d.webhook_id = r.webhook_id AND d.workspace_id = $1
        ORDER BY d.created_at DESC, d.delivery_id DESC LIMIT 1) AS last_delivery
     FROM unnest($2::uuid[], $3::text[]) AS r(webhook_id, created_by)
     LEFT JOIN webhook_secrets s ON s.webhook_id = r.webhook_id AND s.workspace_id = $1
     LEFT JOIN users u ON u.workspace_id = $1 AND u.id::text = r.created_by`,
    [workspaceId, records.map((r) => r.webhookId), records.map((r) => r.createdBy)],
  );
  return new Map(rows.map((row) => [row.webhook_id, row]));
};

const viewOf = (record: WebhookRecord, extras: Extras | undefined): WebhookView => ({
  id: record.webhookId,
  kind: record.kind,
  url: record.url,
  eventTypes: record.eventTypes,
  description: record.description,
  status: record.pausedReason === null ? 'active' : 'paused',
  pausedReason: record.pausedReason,
  pausedAt: record.pausedAt,
  secretPrefix: record.kind === 'slack' ? null : (extras?.secret_prefix ?? null),
  createdAt: record.createdAt,
  createdBy: { id: record.createdBy, name: extras?.created_by_name ?? 'Someone' },
  updatedAt: record.updatedAt,
  version: record.version,
  lastDelivery: extras?.last_delivery ?? null,
});

/**
 * One subscription, folded from its stream: as of the last append, whatever the read model has
 * caught up with, so its version is the ETag to edit it with. Another workspace's, a deleted or an
 * unknown one is a 404.
 */
export const readWebhook = async (
  store: PostgresEventStore,
  db: Queryable,
  workspaceId: string,
  webhookId: string,
): Promise<WebhookView> => {
  const events = await store.readStream(webhookStreamId(webhookId), {
    workspaceId,
    manager: db,
  });
  const record = events.reduce<WebhookRecord | null>(
    (state, event) =>
      evolveWebhookRecord(state, { type: event.type, data: event.data } as WebhookEvent, {
        occurredAt: event.metadata.occurredAt,
        version: event.version,
      }),
    null,
  );
  if (record === null || record.deleted) throw notFound(`Webhook ${webhookId} does not exist.`);
  const extras = await readExtras(db, workspaceId, [record]);
  return viewOf(record, extras.get(record.webhookId));
};

/** The workspace's subscriptions, newest first, from the read model. */
export const readWebhookList = async (
  db: Queryable,
  workspaceId: string,
): Promise<WebhookView[]> => {
  const records = await db.query<WebhookRecord[]>(
    `SELECT webhook_id AS "webhookId", kind, url, event_types AS "eventTypes", description,
       paused_reason AS "pausedReason", ${iso('paused_at')} AS "pausedAt", deleted,
       created_by AS "createdBy", ${iso('created_at')} AS "createdAt",
       ${iso('updated_at')} AS "updatedAt", version
     FROM webhooks WHERE workspace_id = $1 AND NOT deleted
     ORDER BY created_at DESC, webhook_id`,
    [workspaceId],
  );
  const extras = await readExtras(db, workspaceId, records);
  return records.map((record) => viewOf(record, extras.get(record.webhookId)));
};
