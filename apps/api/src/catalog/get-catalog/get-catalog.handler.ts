import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { PostgresEventStore } from '@chorus/event-store';
import { toCatalogView } from '../catalog.view';
import { readCatalog } from '../read-catalog';
import { GetCatalogQuery } from './get-catalog.query';

/** The catalog is a short stream: folding it is as cheap as reading a projection, and never stale. */
@QueryHandler(GetCatalogQuery)
export class GetCatalogHandler implements IQueryHandler<GetCatalogQuery> {
  constructor(@Inject(PostgresEventStore) private readonly store: PostgresEventStore) {}

  async execute({ workspaceId }: GetCatalogQuery) {
    const { catalog, version } = await readCatalog(this.store, workspaceId);
    return toCatalogView(catalog, version);
  }
}
