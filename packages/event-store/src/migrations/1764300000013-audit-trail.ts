import type { MigrationInterface, QueryRunner } from 'typeorm';

/** When an event happened, as the audit trail sorts and filters it. */
const OCCURRED_AT = `(metadata->>'occurredAt') COLLATE "C"`;

/**
 * The audit trail reads a workspace's log newest first by when things happened, then position,
 * narrowed by actor, event type or stream type: each has an index in that order, so a page is
 * one short index walk however large the log. `occurredAt` is always written by
 * `Date.toISOString()`, so its text (compared byte-wise) orders as time does. A single stream is
 * read through `events_stream_version_unique` and sorted.
 */
const auditTrailIndexes: Readonly<Record<string, string>> = {
  events_audit: `(workspace_id, ${OCCURRED_AT}, global_position)`,
  events_audit_by_actor: `(workspace_id, (metadata->>'actorId'), ${OCCURRED_AT}, global_position)`,
  events_audit_by_type: `(workspace_id, type, ${OCCURRED_AT}, global_position)`,
  events_audit_by_stream_type: `(workspace_id, stream_type, ${OCCURRED_AT}, global_position)`,
};

/**
 * Built in the migration's transaction, like every other index: CONCURRENTLY would wait for the
 * snapshot of a replica that waits on the migration lock, and never finish. Building blocks
 * appends meanwhile, so an operator with a large log can build them CONCURRENTLY beforehand
 * (docs/audit-trail.md); IF NOT EXISTS then keeps theirs.
 */
export class AuditTrail1764300000013 implements MigrationInterface {
  name = 'AuditTrail1764300000013';

  async up(db: QueryRunner): Promise<void> {
    for (const [name, columns] of Object.entries(auditTrailIndexes)) {
      await db.query(`CREATE INDEX IF NOT EXISTS ${name} ON events ${columns}`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const name of Object.keys(auditTrailIndexes)) await db.query(`DROP INDEX ${name}`);
  }
}
