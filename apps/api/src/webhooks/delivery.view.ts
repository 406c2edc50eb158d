import { z } from 'zod';
import type { DataSource, EntityManager } from 'typeorm';
import type {
  WebhookAttemptView,
  WebhookDeliveryDetail,
  WebhookDeliveryPage,
  WebhookDeliveryStatus,
  WebhookDeliveryView,
} from '@chorus/domain';
import { CursorId, keysetCursor } from '../platform/keyset-cursor';
import { notFound } from '../platform/problem-details';
import { iso } from '../platform/sql-time';

type Queryable = Pick<DataSource | EntityManager, 'query'>;

const DELIVERY_COLUMNS = `d.delivery_id AS id, d.event_id AS "eventId", d.event_type AS "eventType",
  d.stream_id AS subject, d.status, d.attempt_count AS "attemptCount",
  ${iso('d.created_at')} AS "createdAt", ${iso('d.last_attempt_at')} AS "lastAttemptAt",
  CASE WHEN d.status IN ('pending', 'retrying') THEN ${iso('d.next_attempt_at')} END
    AS "nextAttemptAt",
  d.last_status_code AS "lastStatusCode"`;

/** Microseconds, as the table keeps them: a cursor must name a row's exact place. */
const deliveryCursor = keysetCursor(
  z.tuple([z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/), CursorId]),
);

/** A page of a subscription's deliveries, newest first, after `cursor` when given. */
export const readDeliveryPage = async (
  db: Queryable,
  workspaceId: string,
  webhookId: string,
  query: { status?: WebhookDeliveryStatus; limit: number; cursor?: string },
): Promise<WebhookDeliveryPage> => {
  const after = query.cursor === undefined ? null : deliveryCursor.decode(query.cursor);
  const rows = await db.query<(WebhookDeliveryView & { position: string })[]>(
    `SELECT ${DELIVERY_COLUMNS},
       to_char(d.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS position
     FROM webhook_deliveries d
     WHERE d.workspace_id = $1 AND d.webhook_id = $2 AND ($3::text IS NULL OR d.status = $3)
       AND ($4::timestamptz IS NULL OR (d.created_at, d.delivery_id) < ($4, $5::uuid))
     ORDER BY d.created_at DESC, d.delivery_id DESC
     LIMIT $6`,
    [
      workspaceId,
      webhookId,
      query.status ?? null,
      after?.[0] ?? null,
      after?.[1] ?? null,
      query.limit + 1,
    ],
  );
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(({ position: _, ...delivery }) => delivery),
    nextCursor:
      rows.length > query.limit && last ? deliveryCursor.encode([last.position, last.id]) : null,
  };
};

/** One delivery with its attempts, oldest first; another subscription's or workspace's is a 404. */
export const readDelivery = async (
  db: Queryable,
  workspaceId: string,
  webhookId: string,
  deliveryId: string,
): Promise<WebhookDeliveryDetail> => {
  const [delivery] = await db.query<WebhookDeliveryView[]>(
    `SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries d
     WHERE d.workspace_id = $1 AND d.webhook_id = $2 AND d.delivery_id = $3`,
    [workspaceId, webhookId, deliveryId],
  );
  if (!delivery) throw notFound(`Delivery ${deliveryId} of webhook ${webhookId} does not exist.`);
  const attempts = await db.query<WebhookAttemptView[]>(
    `SELECT attempt_id AS id, number, trigger, ${iso('started_at')} AS "startedAt",
       duration_ms AS "durationMs", status_code AS "statusCode", error,
       response_excerpt AS "responseBodyExcerpt",
       jsonb_build_object('url', request_url, 'headers', request_headers, 'body', request_body)
         AS request
     FROM webhook_delivery_attempts
     WHERE workspace_id = $1 AND delivery_id = $2 ORDER BY number`,
    [workspaceId, deliveryId],
  );
  return { ...delivery, attempts };
};
