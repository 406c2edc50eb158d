import type { EntityManager } from 'typeorm';
import type { WorkspaceEvent } from '@chorus/domain';
import type { Projection, StoredEvent } from '@chorus/event-store';

/** Workspace names and slugs, for headers and lookups by slug. */
export const workspacesProjection: Projection = {
  name: 'workspaces',
  tables: ['workspaces'],
  handles: new Set<WorkspaceEvent['type']>(['WorkspaceCreated', 'WorkspaceRenamed']),
  applyBatch: async (tx: EntityManager, events: readonly StoredEvent[]) => {
    for (const stored of events) {
      const event = { type: stored.type, data: stored.data } as WorkspaceEvent;
      switch (event.type) {
        case 'WorkspaceCreated':
          await tx.query(
            `INSERT INTO workspaces (workspace_id, name, slug) VALUES ($1, $2, $3)
             ON CONFLICT (workspace_id) DO UPDATE SET name = EXCLUDED.name, slug = EXCLUDED.slug`,
            [event.data.workspaceId, event.data.name, event.data.slug],
          );
          break;
        case 'WorkspaceRenamed':
          await tx.query(`UPDATE workspaces SET name = $2 WHERE workspace_id = $1`, [
            event.data.workspaceId,
            event.data.name,
          ]);
          break;
        case 'WorkspaceSingleSignOnConfigured':
        case 'WorkspacePortalSecretRotated':
          // Not handled: the API keeps these settings with their secrets.
          break;
      }
    }
  },
};
