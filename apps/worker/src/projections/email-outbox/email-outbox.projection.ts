import type { EntityManager } from 'typeorm';
import { notificationCategoryOfKind, type PersonNotified } from '@chorus/domain';
import type { Projection, StoredEvent } from '@chorus/event-store';

/** Wakes the mail dispatchers (mail/mail-dispatcher.ts) when the transaction commits. */
export const MAIL_CHANNEL = 'chorus_mail';

/**
 * What each notification's email tells (`email_outbox`), one row per notification id, and the
 * delivery it is owed (`email_deliveries`, pending). Both inserts skip what is there: replaying a
 * batch changes nothing. Only `email_outbox` is this projection's to rebuild; the deliveries
 * record what already went out by mail, which no replay can recreate, so a rebuild offers every
 * notification again and finds its delivery already decided — nothing is mailed twice.
 */
export const emailOutboxProjection: Projection = {
  name: 'email_outbox',
  tables: ['email_outbox'],
  handles: new Set<PersonNotified['type']>(['PersonNotified']),
  applyBatch: async (tx: EntityManager, events: readonly StoredEvent[]) => {
    const rows = events.map((stored) => {
      const { data } = stored as unknown as PersonNotified;
      return {
        id: data.notificationId,
        workspaceId: stored.workspaceId,
        personId: data.personId,
        kind: data.kind,
        category: notificationCategoryOfKind[data.kind],
        notification: data,
        createdAt: stored.metadata.occurredAt,
      };
    });
    if (rows.length === 0) return;
    const json = JSON.stringify(rows);
    await tx.query(
      `INSERT INTO email_outbox (id, workspace_id, person_id, kind, notification, created_at)
       SELECT r.id, r."workspaceId", r."personId", r.kind, r.notification, r."createdAt"
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, "workspaceId" uuid, "personId" text,
         kind text, notification jsonb, "createdAt" timestamptz)
       ON CONFLICT (id) DO NOTHING`,
      [json],
    );
    await tx.query(
      `INSERT INTO email_deliveries (id, workspace_id, person_id, category, status,
         next_attempt_at, created_at)
       SELECT r.id, r."workspaceId", r."personId", r.category, 'pending', r."createdAt",
         r."createdAt"
       FROM jsonb_to_recordset($1::jsonb) AS r(id text, "workspaceId" uuid, "personId" text,
         category text, "createdAt" timestamptz)
       ON CONFLICT (id) DO NOTHING`,
      [json],
    );
    await tx.query(`SELECT pg_notify($1, '')`, [MAIL_CHANNEL]);
  },
};
