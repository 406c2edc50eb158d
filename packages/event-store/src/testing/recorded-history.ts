import type { DataSource } from 'typeorm';
import { chorusEvents, type KpiEvent } from '@chorus/domain';

// Generated histories (`@chorus/domain/kpi-histories`) name workspaces `ws-a` and `ws-b`; the
// event store wants uuids.
export const historyWorkspaces: Readonly<Record<string, string>> = {
  'ws-a': '00000000-0000-4000-8000-00000000000a',
  'ws-b': '00000000-0000-4000-8000-00000000000b',
};

/** The generator writes some events in their first shape, as older logs hold them. */
const schemaVersionOf = (type: string, data: object): number =>
  (type === 'FeedbackSubmitted' && !('statusId' in data)) ||
  (type === 'FeedbackStatusChanged' && !('toKind' in data)) ||
  (type === 'VoteCast' && !('source' in data))
    ? 1
    : chorusEvents.schemaVersionOf(type);

/**
 * Replaces the log with a generated history, each event on a stream of its own (of the backlog's
 * stream type for events about a backlog item, which some reads look for), inserted as recorded
 * (older schema versions included) in one statement, in order.
 */
export const recordHistory = async (
  dataSource: DataSource,
  events: readonly KpiEvent[],
): Promise<void> => {
  await dataSource.query('TRUNCATE events');
  await dataSource.query(
    `INSERT INTO events (stream_id, stream_type, version, event_id, type, schema_version,
       workspace_id, data, metadata)
     SELECT e.stream_type || '-history-' || e.n, e.stream_type, 1, gen_random_uuid(), e.type,
       e.schema_version,
       e.workspace_id, e.data, e.metadata
     FROM jsonb_to_recordset($1::jsonb) AS e(n int, stream_type text, type text, schema_version int,
       workspace_id uuid, data jsonb, metadata jsonb)
     ORDER BY e.n`,
    [
      JSON.stringify(
        events.map(({ type, data, workspaceId, occurredAt }, n) => ({
          n,
          stream_type: 'itemId' in data ? 'backlog' : 'history',
          type,
          schema_version: schemaVersionOf(type, data),
          workspace_id: historyWorkspaces[workspaceId],
          data,
          metadata: { workspaceId: historyWorkspaces[workspaceId], occurredAt },
        })),
      ),
    ],
  );
};
