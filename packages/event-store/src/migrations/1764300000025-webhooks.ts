import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhooks and Slack. A subscription's life is the `webhook-<id>` stream:
 *
 * - `webhooks` is its read model, owned by the `webhook_deliveries` projection (a rebuild empties
 *   it). `history` keeps each state with the log position it started at, so that an event is
 *   matched against the subscription as it was when the event was appended, at any replay.
 * - `webhook_secrets` holds what events must not carry: the whole URL (a Slack URL is a
 *   credential) and the signing secret, which the worker must read back to sign. The API writes
 *   it in the transaction that appends the event.
 * - `webhook_deliveries` and `webhook_delivery_attempts` are the delivery log: one delivery per
 *   subscription and event, enqueued by the projection and worked off by the dispatcher. A
 *   rebuild leaves them alone: what was sent stays sent, and `(webhook_id, event_id)` is unique,
 *   so enqueuing the log again adds nothing.
 * - `webhook_health` is the dispatcher's memory of since when a subscription's deliveries fail.
 */
export class Webhooks1764300000025 implements MigrationInterface {
  name = 'Webhooks1764300000025';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE webhooks (
        webhook_id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('webhook', 'slack')),
        url text NOT NULL,
        event_types text[] NOT NULL,
        description text NOT NULL,
        paused_reason text CHECK (paused_reason IN ('by_admin', 'failing')),
        paused_at timestamptz,
        deleted boolean NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        version integer NOT NULL,
        history jsonb NOT NULL
      )`);
    await db.query(
      `CREATE INDEX webhooks_by_workspace ON webhooks (workspace_id, created_at DESC, webhook_id)`,
    );
    await db.query(`
      CREATE TABLE webhook_secrets (
        webhook_id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL,
        url text NOT NULL,
        secret text,
        previous_secret text,
        previous_secret_until timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE webhook_deliveries (
        delivery_id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL,
        webhook_id uuid NOT NULL,
        event_id uuid NOT NULL,
        event_type text NOT NULL,
        stream_id text,
        event_position bigint,
        ping jsonb,
        status text NOT NULL CHECK (status IN ('pending', 'retrying', 'delivered', 'failed')),
        manual boolean NOT NULL DEFAULT false,
        attempt_count integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL,
        next_attempt_at timestamptz,
        claimed_until timestamptz,
        claim uuid,
        last_attempt_at timestamptz,
        last_status_code integer,
        UNIQUE (webhook_id, event_id)
      )`);
    await db.query(
      `CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at)
       WHERE status IN ('pending', 'retrying')`,
    );
    // Per-stream order: a delivery waits while an earlier one of its stream is undelivered.
    await db.query(
      `CREATE INDEX webhook_deliveries_open_by_stream
       ON webhook_deliveries (webhook_id, stream_id, event_position)
       WHERE status IN ('pending', 'retrying')`,
    );
    await db.query(
      `CREATE INDEX webhook_deliveries_log
       ON webhook_deliveries (webhook_id, created_at DESC, delivery_id DESC)`,
    );
    await db.query(`
      CREATE TABLE webhook_delivery_attempts (
        attempt_id uuid PRIMARY KEY,
        delivery_id uuid NOT NULL REFERENCES webhook_deliveries ON DELETE CASCADE,
        workspace_id uuid NOT NULL,
        number integer NOT NULL,
        trigger text NOT NULL CHECK (trigger IN ('schedule', 'redeliver')),
        started_at timestamptz NOT NULL,
        duration_ms integer NOT NULL,
        status_code integer,
        error text,
        response_excerpt text,
        request_url text NOT NULL,
        request_headers jsonb NOT NULL,
        request_body text NOT NULL,
        UNIQUE (delivery_id, number)
      )`);
    await db.query(`
      CREATE TABLE webhook_health (
        webhook_id uuid PRIMARY KEY,
        workspace_id uuid NOT NULL,
        failing_since timestamptz,
        last_success_at timestamptz
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE webhook_health`);
    await db.query(`DROP TABLE webhook_delivery_attempts`);
    await db.query(`DROP TABLE webhook_deliveries`);
    await db.query(`DROP TABLE webhook_secrets`);
    await db.query(`DROP TABLE webhooks`);
  }
}
