import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  chorusEvents,
  evolveWebhookRecord,
  webhookWants,
  type WebhookEvent,
  type WebhookRecord,
} from '@chorus/domain';
import {
  boundedContextOf,
  cloudEventTypeOf,
  type Projection,
  type StoredEvent,
} from '@chorus/event-store';

/** Wakes the webhook dispatcher: new deliveries are due. */
export const WEBHOOKS_CHANNEL = 'chorus_webhooks';

/** A subscription's state from a point of the log on: what it wanted from then. */
type Period = {
  transactionId: string;
  globalPosition: string;
  active: boolean;
  eventTypes: string[];
};

type WebhookRow = WebhookRecord & { workspaceId: string; history: Period[] };

type NewDelivery = {
  deliveryId: string;
  workspaceId: string;
  webhookId: string;
  eventId: string;
  eventType: string;
  streamId: string;
  eventPosition: string;
  status: 'pending' | 'failed';
};

/** Log order: by transaction, then position (both bigints, as text). */
const before = (a: Pick<Period, 'transactionId' | 'globalPosition'>, b: StoredEvent): boolean => {
  const [at, bt] = [BigInt(a.transactionId), BigInt(b.transactionId)];
  return at < bt || (at === bt && BigInt(a.globalPosition) < BigInt(b.globalPosition));
};

/** What the subscription wanted just before `event` was appended; null before it existed. */
const periodBefore = (row: WebhookRow, event: StoredEvent): Period | null =>
  row.history.findLast((period) => before(period, event)) ?? null;

const periodFrom = (record: WebhookRecord, event: StoredEvent): Period => ({
  transactionId: event.transactionId,
  globalPosition: event.globalPosition,
  active: !record.deleted && record.pausedReason === null,
  eventTypes: record.eventTypes,
});

/**
 * The row after one of its stream's events, with a new period when what it wants changed. Its
 * version makes an event applied before change nothing.
 */
const evolveRow = (row: WebhookRow | undefined, stored: StoredEvent): WebhookRow | undefined => {
  if (row && stored.version <= row.version) return row;
  const record = evolveWebhookRecord(
    row ?? null,
    { type: stored.type, data: stored.data } as WebhookEvent,
    {
      occurredAt: stored.metadata.occurredAt,
      version: stored.version,
    },
  );
  if (record === null) return row;
  const history = row?.history ?? [];
  const last = history[history.length - 1];
  const period = periodFrom(record, stored);
  const wantsAlike =
    last !== undefined &&
    last.active === period.active &&
    last.eventTypes.join('\n') === period.eventTypes.join('\n');
  return {
    ...record,
    workspaceId: stored.workspaceId,
    history: wantsAlike ? history : [...history, period],
  };
};

const loadWebhooks = (tx: EntityManager, workspaceIds: string[]): Promise<WebhookRow[]> =>
  tx.query<WebhookRow[]>(
    `SELECT webhook_id AS "webhookId", workspace_id AS "workspaceId", kind, url,
       event_types AS "eventTypes", description, paused_reason AS "pausedReason",
       paused_at AS "pausedAt", deleted, created_by AS "createdBy", created_at AS "createdAt",
       updated_at AS "updatedAt", version, history
     FROM webhooks WHERE workspace_id = ANY($1::uuid[])`,
    [workspaceIds],
  );

/**
 * The webhook subscriptions (`webhooks`) and, for every event of the log, one delivery per
 * subscription that wanted it when it was appended (`webhook_deliveries`), for the dispatcher to
 * send. Subscriptions are matched by their state at the event's place in the log, never by their
 * state now: a rebuild, at any batch size, enqueues exactly the deliveries the first pass did, and
 * `(webhook_id, event_id)` is unique, so it enqueues nothing twice. Deliveries are outside
 * `tables`: a rebuild keeps what was sent, and sends nothing again. When a subscription is
 * deleted, what it was still owed is failed.
 *
 * It reads the Postgres log even when projections consume Kafka: matching needs the log's one
 * order across streams, which Kafka keeps only per partition.
 */
export const webhookDeliveriesProjection: Projection = {
  name: 'webhook_deliveries',
  tables: ['webhooks'],
  handles: new Set(chorusEvents.definitions.map((d) => d.type)),
  // Deliveries are only enqueued here; the dispatcher opens the event's personal data as it sends.
  personalData: 'sealed',
  applyBatch: async (tx: EntityManager, events: readonly StoredEvent[]) => {
    const workspaceIds = [...new Set(events.map((e) => e.workspaceId))];
    const rows = new Map(
      (await loadWebhooks(tx, workspaceIds)).map((row) => [row.webhookId, row] as const),
    );
    const changed = new Set<string>();
    const deliveries: NewDelivery[] = [];
    for (const event of events) {
      if (event.streamType === 'webhook') {
        const webhookId = event.streamId.slice('webhook-'.length);
        const previous = rows.get(webhookId);
        const after = evolveRow(previous, event);
        if (after && after !== previous) {
          rows.set(webhookId, after);
          changed.add(webhookId);
        }
      }
      let cloudEventType: string | undefined;
      for (const row of rows.values()) {
        if (row.workspaceId !== event.workspaceId) continue;
        const period = periodBefore(row, event);
        if (!period?.active) continue;
        cloudEventType ??= cloudEventTypeOf(
          event.type,
          event.schemaVersion,
          boundedContextOf(event.streamType),
        );
        if (!webhookWants(period.eventTypes, cloudEventType)) continue;
        deliveries.push({
          deliveryId: randomUUID(),
          workspaceId: event.workspaceId,
          webhookId: row.webhookId,
          eventId: event.eventId,
          eventType: cloudEventType,
          streamId: event.streamId,
          eventPosition: event.globalPosition,
          status: 'pending',
        });
      }
    }
    if (changed.size > 0) {
      await tx.query(
        `INSERT INTO webhooks (webhook_id, workspace_id, kind, url, event_types, description,
           paused_reason, paused_at, deleted, created_by, created_at, updated_at, version, history)
         SELECT "webhookId", "workspaceId", kind, url,
           ARRAY(SELECT jsonb_array_elements_text("eventTypes")), description, "pausedReason",
           "pausedAt", deleted, "createdBy", "createdAt", "updatedAt", version, history
         FROM jsonb_to_recordset($1::jsonb) AS r("webhookId" uuid, "workspaceId" uuid, kind text,
           url text, "eventTypes" jsonb, description text, "pausedReason" text,
           "pausedAt" timestamptz, deleted boolean, "createdBy" text, "createdAt" timestamptz,
           "updatedAt" timestamptz, version int, history jsonb)
         ON CONFLICT (webhook_id) DO UPDATE SET url = EXCLUDED.url,
           event_types = EXCLUDED.event_types, description = EXCLUDED.description,
           paused_reason = EXCLUDED.paused_reason, paused_at = EXCLUDED.paused_at,
           deleted = EXCLUDED.deleted, updated_at = EXCLUDED.updated_at,
           version = EXCLUDED.version, history = EXCLUDED.history`,
        [JSON.stringify([...changed].map((id) => rows.get(id)))],
      );
    }
    // Nothing is sent to a deleted subscription, not even what it was owed before.
    const deleted = [...changed].filter((id) => rows.get(id)?.deleted);
    if (deleted.length > 0) {
      await tx.query(
        `UPDATE webhook_deliveries SET status = 'failed', next_attempt_at = NULL
         WHERE webhook_id = ANY($1::uuid[]) AND status IN ('pending', 'retrying')`,
        [deleted],
      );
    }
    for (const delivery of deliveries) {
      if (rows.get(delivery.webhookId)?.deleted) delivery.status = 'failed';
    }
    if (deliveries.length === 0) return;
    const [{ inserted }] = await tx.query<[{ inserted: number }]>(
      `WITH inserted AS (
         INSERT INTO webhook_deliveries (delivery_id, workspace_id, webhook_id, event_id,
           event_type, stream_id, event_position, status, created_at, next_attempt_at)
         SELECT "deliveryId", "workspaceId", "webhookId", "eventId", "eventType", "streamId",
           "eventPosition", status, now(), CASE WHEN status = 'pending' THEN now() END
         FROM jsonb_to_recordset($1::jsonb) AS d("deliveryId" uuid, "workspaceId" uuid,
           "webhookId" uuid, "eventId" uuid, "eventType" text, "streamId" text,
           "eventPosition" bigint, status text)
         ON CONFLICT (webhook_id, event_id) DO NOTHING
         RETURNING 1)
       SELECT count(*)::int AS inserted FROM inserted`,
      [JSON.stringify(deliveries)],
    );
    // Delivered at commit; the dispatcher also polls, so a lost one only delays.
    if (inserted > 0) await tx.query(`SELECT pg_notify($1, '')`, [WEBHOOKS_CHANNEL]);
  },
};
