import { Query } from '@nestjs/cqrs';
import type { CatalogView } from '@chorus/domain';

export class GetCatalogQuery extends Query<CatalogView> {
  constructor(readonly workspaceId: string) {
    super();
  }
}
