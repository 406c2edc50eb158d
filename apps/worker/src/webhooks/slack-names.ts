import type { DataSource } from 'typeorm';
import { catalogDecider, catalogStreamId, fold, type CatalogEvent } from '@chorus/domain';
import type { PostgresEventStore, StoredEvent } from '@chorus/event-store';
import type { SlackNames } from './slack-message';

const idIn = (data: Record<string, unknown>, field: string): string | null => {
  const value = data[field];
  return typeof value === 'string' && value !== '' ? value : null;
};

/**
 * The names a Slack message shows, as the read models and the catalog have them now: a person's
 * name from their account or customer record (the stand-in after an erasure), titles and names by
 * id. Only what the event names is read.
 */
export const slackNamesOf = async (
  db: DataSource,
  store: PostgresEventStore,
  event: StoredEvent,
): Promise<SlackNames> => {
  const data = event.data as Record<string, unknown>;
  const workspaceId = event.workspaceId;
  const personId =
    event.type === 'FeedbackSubmitted'
      ? idIn(data, 'authorId')
      : event.type === 'VoteCast'
        ? idIn(data, 'voterId')
        : event.metadata.actorId || null;
  const feedbackId = idIn(data, 'feedbackId');
  const releaseId = idIn(data, 'releaseId');
  const itemId = idIn(data, 'itemId');
  const [row] = await db.query<
    {
      actor: string | null;
      feedback_title: string | null;
      release_name: string | null;
      item_title: string | null;
    }[]
  >(
    `SELECT
       coalesce(
         (SELECT u.name FROM users u WHERE u.workspace_id = $1 AND u.id::text = $2),
         (SELECT c.name FROM customers c WHERE c.workspace_id = $1 AND c.customer_id::text = $2)
       ) AS actor,
       (SELECT f.title FROM feedback_list f
        WHERE f.workspace_id = $1 AND f.feedback_id::text = $3) AS feedback_title,
       (SELECT r.name FROM releases r WHERE r.workspace_id = $1 AND r.id::text = $4) AS release_name,
       (SELECT b.title FROM backlog_items b
        WHERE b.workspace_id = $1 AND b.id::text = $5) AS item_title`,
    [workspaceId, personId, feedbackId, releaseId, itemId],
  );
  const needsCatalog = event.type === 'FeedbackSubmitted' || event.type === 'FeedbackStatusChanged';
  const catalog = needsCatalog
    ? fold(
        catalogDecider,
        (await store.readStream(catalogStreamId(workspaceId), { workspaceId })).map(
          (e) => ({ type: e.type, data: e.data }) as CatalogEvent,
        ),
      )
    : null;
  const boardId = idIn(data, 'boardId');
  const statusId = idIn(data, 'to');
  return {
    actor: row?.actor ?? null,
    feedbackTitle: row?.feedback_title ?? null,
    boardName: catalog?.boards.find((b) => b.id === boardId)?.name ?? null,
    statusName:
      event.type === 'FeedbackStatusChanged'
        ? (catalog?.statuses.find((s) => s.id === statusId)?.name ?? null)
        : null,
    releaseName: row?.release_name ?? null,
    itemTitle: row?.item_title ?? null,
  };
};
