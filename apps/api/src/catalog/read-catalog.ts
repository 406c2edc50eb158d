import type { EntityManager } from 'typeorm';
import {
  catalogDecider,
  catalogStreamId,
  fold,
  type Catalog,
  type CatalogEvent,
} from '@chorus/domain';
import type { PostgresEventStore } from '@chorus/event-store';
import { asDomainEvent } from '../platform/run-decider';

/**
 * A workspace's boards, tags and statuses, folded from its catalog stream (a few dozen settings
 * events at most), so commands decide against the workflow as it is now, not as a projection saw it.
 */
export const readCatalog = async (
  store: PostgresEventStore,
  workspaceId: string,
  manager?: EntityManager,
): Promise<{ catalog: Catalog; version: number }> => {
  const events = await store.readStream(catalogStreamId(workspaceId), { workspaceId, manager });
  return {
    catalog: fold(
      catalogDecider,
      events.map((e) => asDomainEvent<CatalogEvent>(e)),
    ),
    version: events.length,
  };
};
