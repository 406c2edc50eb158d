import type { EntityManager } from 'typeorm';
import type { NotificationEvent } from '@chorus/domain';
import type { Projection, StoredEvent } from '@chorus/event-store';

/**
 * Each person's in-app notifications (`notifications`), of every kind. A notification is inserted
 * once (its id is the row's key) and marked read the first time its person reads it: replaying a
 * batch, or the whole log, changes nothing. A read always follows the notification it names in
 * the log (people read what they were shown), so a batch inserts first, then applies its reads
 * in order.
 */
export const notificationsProjection: Projection = {
  name: 'notifications',
  tables: ['notifications'],
  handles: new Set<NotificationEvent['type']>(['PersonNotified', 'NotificationsRead']),
  applyBatch: async (tx: EntityManager, events: readonly StoredEvent[]) => {
    const notified: Record<string, unknown>[] = [];
    const reads: { personId: string; ids: string[]; workspaceId: string; at: string }[] = [];
    for (const stored of events) {
      const event = { type: stored.type, data: stored.data } as NotificationEvent;
      switch (event.type) {
        case 'PersonNotified': {
          const { data } = event;
          notified.push({
            ...data,
            // Every other kind is about the one feedback item it names.
            feedbackIds: data.kind === 'feedback_shipped' ? data.feedbackIds : [data.feedbackId],
            workspaceId: stored.workspaceId,
            createdAt: stored.metadata.occurredAt,
          });
          break;
        }
        case 'NotificationsRead':
          reads.push({
            personId: event.data.personId,
            ids: event.data.notificationIds,
            workspaceId: stored.workspaceId,
            at: stored.metadata.occurredAt,
          });
          break;
      }
    }
    if (notified.length > 0) {
      await tx.query(
        `INSERT INTO notifications (id, workspace_id, person_id, kind, release_id, release_name,
           feedback_ids, by_id, feedback_title, status_id, status_name, comment_id,
           into_feedback_id, into_feedback_title, created_at)
         SELECT n."notificationId", n."workspaceId", n."personId", n.kind, n."releaseId",
           n."releaseName", ARRAY(SELECT jsonb_array_elements_text(n."feedbackIds"))::uuid[],
           n.by, n."feedbackTitle", n."statusId", n."statusName", n."commentId",
           n."intoFeedbackId", n."intoFeedbackTitle", n."createdAt"
         FROM jsonb_to_recordset($1::jsonb) AS n("notificationId" uuid, "workspaceId" uuid,
           "personId" text, kind text, "releaseId" uuid, "releaseName" text, "feedbackIds" jsonb,
           by text, "feedbackTitle" text, "statusId" text, "statusName" text, "commentId" uuid,
           "intoFeedbackId" uuid, "intoFeedbackTitle" text, "createdAt" timestamptz)
         ON CONFLICT (id) DO NOTHING`,
        [JSON.stringify(notified)],
      );
    }
    for (const read of reads) {
      await tx.query(
        `UPDATE notifications SET read_at = $4
         WHERE workspace_id = $1 AND person_id = $2 AND id = ANY($3::uuid[]) AND read_at IS NULL`,
        [read.workspaceId, read.personId, read.ids, read.at],
      );
    }
  },
};
