import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import {
  AggregateNotFound,
  WEBHOOK_PING_EVENT_TYPE,
  fold,
  webhookDecider,
  webhookStreamId,
  type WebhookEvent,
} from '@chorus/domain';
import {
  ConcurrencyConflict,
  PostgresEventStore,
  STRUCTURED_CLOUD_EVENT_CONTENT_TYPE,
  toStructuredCloudEvent,
  unsealPersonalData,
  type StoredEvent,
  type StructuredCloudEvent,
} from '@chorus/event-store';
import { WEBHOOKS_CHANNEL } from '../projections/webhook-deliveries/webhook-deliveries.projection';
import {
  defaultRetrySchedule,
  nextAttemptAt,
  retryAfterMsOf,
  type RetrySchedule,
} from './retry-schedule';
import { slackMessageOf } from './slack-message';
import { slackNamesOf } from './slack-names';
import { send, signedRequest, type AttemptOutcome, type OutgoingRequest } from './webhook-request';

export type WebhookDeliveryOptions = {
  /** The admin app's address, for links in Slack messages (`CHORUS_PUBLIC_URL`). */
  publicUrl?: string;
  retry?: Partial<RetrySchedule>;
  /** A subscription whose deliveries have all failed this long is paused as failing. */
  pauseAfterFailingMs?: number;
  /** How long a receiver has to answer. */
  timeoutMs?: number;
  /** Also send to loopback and private addresses (`WEBHOOKS_ALLOW_PRIVATE_NETWORKS`). */
  allowPrivateNetworks?: boolean;
  /** Requests in flight at once, and at most `perWebhook` of them to one subscription. */
  concurrency?: number;
  perWebhook?: number;
  /** Look for due deliveries at least this often, besides being woken. */
  pollMs?: number;
  /** What time it is: tests move it forward instead of waiting. */
  clock?: () => Date;
};

const DEFAULTS = {
  publicUrl: 'http://localhost:3000',
  pauseAfterFailingMs: 86_400_000,
  timeoutMs: 10_000,
  allowPrivateNetworks: false,
  concurrency: 16,
  perWebhook: 4,
  pollMs: 1000,
  clock: () => new Date(),
};

type ClaimedDelivery = {
  deliveryId: string;
  workspaceId: string;
  webhookId: string;
  eventId: string;
  eventType: string;
  ping: Record<string, unknown> | null;
  manual: boolean;
  attemptCount: number;
  createdAt: Date;
  claim: string;
  kind: 'webhook' | 'slack';
  url: string | null;
  secret: string | null;
  previousSecret: string | null;
  previousSecretUntil: Date | null;
};

const STORED_EVENT_COLUMNS = `global_position::text AS "globalPosition",
  transaction_id::text AS "transactionId", stream_id AS "streamId", stream_type AS "streamType",
  version, event_id AS "eventId", type, schema_version AS "schemaVersion",
  workspace_id AS "workspaceId", data, metadata,
  to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "recordedAt"`;

const succeeded = (outcome: AttemptOutcome): boolean =>
  outcome.statusCode !== null && outcome.statusCode >= 200 && outcome.statusCode < 300;

/**
 * Works off `webhook_deliveries`: claims due deliveries (`FOR UPDATE SKIP LOCKED`, then a lease,
 * so several workers share the work and a crashed one's claims come back), POSTs each, records
 * every attempt, and schedules the next on failure until the retry schedule gives up. A
 * subscription whose deliveries have all failed for `pauseAfterFailingMs`, or whose receiver
 * answers 410 Gone, is paused as failing (`WebhookPaused`).
 *
 * Order: a delivery waits while an earlier event of its stream is undelivered to the same
 * subscription. Fairness: at most `perWebhook` requests to one subscription are in flight, so a
 * dead receiver, each request of which waits for the timeout, cannot take every slot.
 */
export class WebhookDispatcher {
  private readonly options: typeof DEFAULTS & { retry: RetrySchedule };
  private readonly store: PostgresEventStore;
  private listener: Client | null = null;
  private running = false;
  private loop: Promise<void> = Promise.resolve();
  private readonly inFlight = new Set<Promise<void>>();
  private wake: (() => void) | null = null;
  private generation = 0;

  constructor(
    private readonly db: DataSource,
    private readonly databaseUrl: string,
    private readonly logger: Logger,
    options: WebhookDeliveryOptions = {},
  ) {
    const defined = Object.fromEntries(
      Object.entries(options).filter(([, value]) => value !== undefined),
    ) as WebhookDeliveryOptions;
    this.options = {
      ...DEFAULTS,
      ...defined,
      retry: { ...defaultRetrySchedule, ...options.retry },
    };
    this.store = new PostgresEventStore(db);
  }

  async start(): Promise<void> {
    this.running = true;
    this.listener = new Client({
      connectionString: this.databaseUrl,
      application_name: 'chorus-webhooks',
    });
    this.listener.on('notification', () => this.notify());
    this.listener.on('error', (error) => this.logger.error({ err: error }, 'webhook listener'));
    await this.listener.connect();
    await this.listener.query(`LISTEN ${WEBHOOKS_CHANNEL}`);
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.notify();
    await this.loop;
    await Promise.all(this.inFlight);
    await this.listener?.end();
    this.listener = null;
  }

  private notify(): void {
    this.generation += 1;
    this.wake?.();
  }

  private sleep(ms: number, seenGeneration: number): Promise<void> {
    if (seenGeneration !== this.generation) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const wake = () => done();
      this.wake = wake;
      function done() {
        clearTimeout(timer);
        resolve();
      }
    });
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      const seen = this.generation;
      try {
        const free = this.options.concurrency - this.inFlight.size;
        const claimed = free > 0 ? await this.claim(free) : [];
        for (const delivery of claimed) this.attemptInBackground(delivery);
        failures = 0;
        if (claimed.length > 0 && claimed.length === free) continue;
        await this.sleep(await this.untilNextDue(), seen);
      } catch (error) {
        failures += 1;
        this.logger.error({ err: error }, 'webhook dispatcher round failed; retrying');
        await this.sleep(Math.min(30_000, 100 * 2 ** failures), seen);
      }
    }
  }

  private attemptInBackground(delivery: ClaimedDelivery): void {
    const attempt = this.attempt(delivery)
      .catch((error: unknown) =>
        this.logger.error(
          { err: error, deliveryId: delivery.deliveryId },
          'webhook attempt failed',
        ),
      )
      .finally(() => {
        this.inFlight.delete(attempt);
        this.notify();
      });
    this.inFlight.add(attempt);
  }

  /**
   * How long until the next delivery falls due, at most `pollMs`. Those due already but waiting
   * for an earlier one (order, or the per-subscription limit) are woken by that one's end.
   */
  private async untilNextDue(): Promise<number> {
    const now = this.options.clock();
    const [row] = await this.db.query<{ due: Date | null }[]>(
      `SELECT min(d.next_attempt_at) AS due
       FROM webhook_deliveries d JOIN webhooks w ON w.webhook_id = d.webhook_id AND NOT w.deleted
       WHERE d.status IN ('pending', 'retrying') AND d.next_attempt_at > $1
         AND (d.manual OR w.paused_reason IS NULL)`,
      [now],
    );
    if (!row?.due) return this.options.pollMs;
    return Math.min(this.options.pollMs, Math.max(0, row.due.getTime() - now.getTime()));
  }

  /** Leases up to `limit` due deliveries to this worker, oldest due first. */
  private claim(limit: number): Promise<ClaimedDelivery[]> {
    const now = this.options.clock();
    const leaseUntil = new Date(now.getTime() + this.options.timeoutMs + 60_000);
    return this.db.transaction(async (tx) => {
      const rows = await tx.query<{ delivery_id: string }[]>(
        `WITH due AS (
           SELECT d.delivery_id, d.next_attempt_at,
             row_number() OVER (PARTITION BY d.webhook_id ORDER BY d.next_attempt_at,
               d.event_position NULLS FIRST, d.delivery_id) AS rank,
             (SELECT count(*) FROM webhook_deliveries f
              WHERE f.webhook_id = d.webhook_id AND f.claimed_until > $1) AS in_flight
           FROM webhook_deliveries d
           JOIN webhooks w ON w.webhook_id = d.webhook_id AND NOT w.deleted
           WHERE d.status IN ('pending', 'retrying') AND d.next_attempt_at <= $1
             AND (d.claimed_until IS NULL OR d.claimed_until <= $1)
             AND (d.manual OR w.paused_reason IS NULL)
             AND (d.manual OR d.stream_id IS NULL OR NOT EXISTS (
               SELECT 1 FROM webhook_deliveries e
               WHERE e.webhook_id = d.webhook_id AND e.stream_id = d.stream_id
                 AND e.status IN ('pending', 'retrying') AND e.event_position < d.event_position)))
         SELECT d.delivery_id FROM webhook_deliveries d
         WHERE d.delivery_id IN (
           SELECT delivery_id FROM due WHERE rank + in_flight <= $2
           ORDER BY next_attempt_at LIMIT $3)
         FOR UPDATE SKIP LOCKED`,
        [now, this.options.perWebhook, limit],
      );
      if (rows.length === 0) return [];
      const claim = randomUUID();
      return tx.query<ClaimedDelivery[]>(
        `WITH claimed AS (
           UPDATE webhook_deliveries SET claimed_until = $2, claim = $3
           WHERE delivery_id = ANY($1::uuid[])
           RETURNING *)
         SELECT c.delivery_id AS "deliveryId", c.workspace_id AS "workspaceId",
           c.webhook_id AS "webhookId", c.event_id AS "eventId", c.event_type AS "eventType",
           c.ping, c.manual, c.attempt_count AS "attemptCount", c.created_at AS "createdAt",
           c.claim, w.kind, s.url, s.secret, s.previous_secret AS "previousSecret",
           s.previous_secret_until AS "previousSecretUntil"
         FROM claimed c JOIN webhooks w ON w.webhook_id = c.webhook_id
         LEFT JOIN webhook_secrets s ON s.webhook_id = c.webhook_id`,
        [rows.map((r) => r.delivery_id), leaseUntil, claim],
      );
    });
  }

  private async attempt(delivery: ClaimedDelivery): Promise<void> {
    const now = this.options.clock();
    const request = await this.requestFor(delivery, now);
    const outcome: AttemptOutcome = request
      ? await send(request, this.options.timeoutMs, this.options)
      : {
          statusCode: null,
          error: 'The subscription has no URL: set one with PATCH.',
          responseExcerpt: null,
          retryAfter: null,
          durationMs: 0,
        };
    const gone = outcome.statusCode === 410;
    const next =
      succeeded(outcome) || gone
        ? null
        : nextAttemptAt(
            this.options.retry,
            { enqueuedAt: delivery.createdAt, failures: delivery.attemptCount + 1 },
            this.options.clock(),
            retryAfterMsOf(outcome.retryAfter, this.options.clock()),
          );
    const status = succeeded(outcome) ? 'delivered' : next === null ? 'failed' : 'retrying';
    const failingSince = await this.record(delivery, request, now, outcome, status, next);
    const failingTooLong =
      failingSince !== null &&
      this.options.clock().getTime() - failingSince.getTime() >= this.options.pauseAfterFailingMs;
    if (gone || failingTooLong) await this.pauseAsFailing(delivery);
  }

  /** The request to send; null when the subscription has no URL beside the log. */
  private async requestFor(delivery: ClaimedDelivery, now: Date): Promise<OutgoingRequest | null> {
    if (delivery.url === null) return null;
    const event = delivery.ping ? null : await this.readEvent(delivery);
    if (delivery.kind === 'slack') {
      const message = slackMessageOf(
        event
          ? {
              type: event.type,
              data: event.data as Record<string, unknown>,
              occurredAt: event.metadata.occurredAt,
              subject: event.streamId,
              names: await slackNamesOf(this.db, this.store, event),
            }
          : {
              type: WEBHOOK_PING_EVENT_TYPE,
              data: delivery.ping ?? {},
              occurredAt: delivery.createdAt.toISOString(),
              subject: null,
              names: {
                actor: null,
                feedbackTitle: null,
                boardName: null,
                statusName: null,
                releaseName: null,
                itemTitle: null,
              },
            },
        this.options.publicUrl,
      );
      return {
        url: delivery.url,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(message),
      };
    }
    const cloudEvent: StructuredCloudEvent = event
      ? toStructuredCloudEvent(event)
      : {
          specversion: '1.0',
          id: delivery.eventId,
          source: '/chorus/webhooks',
          type: WEBHOOK_PING_EVENT_TYPE,
          time: delivery.createdAt.toISOString(),
          workspaceid: delivery.workspaceId,
          correlationid: delivery.eventId,
          datacontenttype: 'application/json',
          data: delivery.ping,
        };
    const rotating =
      delivery.previousSecret !== null &&
      delivery.previousSecretUntil !== null &&
      delivery.previousSecretUntil > now;
    return signedRequest({
      url: delivery.url,
      contentType: STRUCTURED_CLOUD_EVENT_CONTENT_TYPE,
      messageId: delivery.eventId,
      secrets: [delivery.secret ?? '', ...(rotating ? [delivery.previousSecret ?? ''] : [])].filter(
        (secret) => secret !== '',
      ),
      body: JSON.stringify(cloudEvent),
      now,
    });
  }

  /**
   * The event, personal data opened: the receiver is the workspace's own system, as an API read
   * is; after an erasure it gets the stand-ins.
   */
  private async readEvent(delivery: ClaimedDelivery): Promise<StoredEvent> {
    const rows = await this.db.query<StoredEvent[]>(
      `SELECT ${STORED_EVENT_COLUMNS} FROM events WHERE event_id = $1 AND workspace_id = $2`,
      [delivery.eventId, delivery.workspaceId],
    );
    const [event] = await unsealPersonalData(this.db, rows);
    if (!event)
      throw new Error(`Event ${delivery.eventId} of a webhook delivery is not in the log`);
    return event;
  }

  /**
   * Records the attempt and the delivery's new state, and since when the subscription's
   * deliveries have failed (null while they succeed). A delivery redelivered while this attempt
   * ran keeps its new claim-free state: only the attempt is added.
   */
  private async record(
    delivery: ClaimedDelivery,
    request: OutgoingRequest | null,
    startedAt: Date,
    outcome: AttemptOutcome,
    status: 'delivered' | 'retrying' | 'failed',
    next: Date | null,
  ): Promise<Date | null> {
    return this.db.transaction(async (tx) => {
      await tx.query(
        `WITH updated AS (
           UPDATE webhook_deliveries SET
             attempt_count = attempt_count + 1, last_attempt_at = $3, last_status_code = $4,
             status = CASE WHEN claim = $2 THEN $5 ELSE status END,
             next_attempt_at = CASE WHEN claim = $2 THEN $6 ELSE next_attempt_at END,
             manual = CASE WHEN claim = $2 THEN false ELSE manual END,
             claimed_until = CASE WHEN claim = $2 THEN NULL ELSE claimed_until END,
             claim = CASE WHEN claim = $2 THEN NULL ELSE claim END
           WHERE delivery_id = $1
           RETURNING delivery_id, workspace_id, attempt_count)
         INSERT INTO webhook_delivery_attempts (attempt_id, delivery_id, workspace_id, number,
           trigger, started_at, duration_ms, status_code, error, response_excerpt, request_url,
           request_headers, request_body)
         SELECT $7, delivery_id, workspace_id, attempt_count, $8, $3, $9, $4, $10, $11, $12, $13, $14
         FROM updated`,
        [
          delivery.deliveryId,
          delivery.claim,
          startedAt,
          outcome.statusCode,
          status,
          next,
          randomUUID(),
          delivery.manual ? 'redeliver' : 'schedule',
          outcome.durationMs,
          outcome.error,
          outcome.responseExcerpt,
          request?.url ?? '',
          JSON.stringify(request?.headers ?? {}),
          request?.body ?? '',
        ],
      );
      const [health] = await tx.query<{ failing_since: Date | null }[]>(
        `WITH health AS (
           INSERT INTO webhook_health AS h (webhook_id, workspace_id, failing_since, last_success_at)
           VALUES ($1, $2, CASE WHEN $3 THEN NULL ELSE $4::timestamptz END,
             CASE WHEN $3 THEN $4::timestamptz END)
           ON CONFLICT (webhook_id) DO UPDATE SET
             failing_since = CASE WHEN $3 THEN NULL ELSE coalesce(h.failing_since, $4) END,
             last_success_at = CASE WHEN $3 THEN $4 ELSE h.last_success_at END
           RETURNING failing_since)
         SELECT failing_since FROM health`,
        [delivery.webhookId, delivery.workspaceId, succeeded(outcome), startedAt],
      );
      return health?.failing_since ?? null;
    });
  }

  /** Appends `WebhookPaused` as failing, decided on the subscription's stream as it is now. */
  private async pauseAsFailing(delivery: ClaimedDelivery): Promise<void> {
    const streamId = webhookStreamId(delivery.webhookId);
    for (let attempt = 0; attempt < 3; attempt++) {
      const stored = await this.store.readStream(streamId, { workspaceId: delivery.workspaceId });
      const state = fold(
        webhookDecider,
        stored.map((e) => ({ type: e.type, data: e.data }) as WebhookEvent),
      );
      let events: WebhookEvent[];
      try {
        events = webhookDecider.decide(
          { type: 'PauseWebhook', webhookId: delivery.webhookId, reason: 'failing', actor: null },
          state,
        );
      } catch (error) {
        // Deleted meanwhile: nothing left to pause.
        if (error instanceof AggregateNotFound) return;
        throw error;
      }
      try {
        await this.store.append(streamId, stored.length, events, {
          workspaceId: delivery.workspaceId,
          actorId: '',
          correlationId: randomUUID(),
          causationId: null,
        });
        if (events.length > 0) {
          this.logger.warn({ webhookId: delivery.webhookId }, 'webhook paused as failing');
        }
        return;
      } catch (error) {
        if (!(error instanceof ConcurrencyConflict)) throw error;
      }
    }
  }
}
