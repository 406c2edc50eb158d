import { Query } from '@nestjs/cqrs';
import type { BacklogItemKindName, BacklogItemStatusName, BacklogPage } from '@chorus/domain';
import type { AuthenticatedActor } from '../../platform/auth';

export type BacklogListFilters = {
  kind?: BacklogItemKindName;
  statuses?: BacklogItemStatusName[];
  /** A sprint, or `none` for the items in no sprint. */
  sprintId?: string;
  initiativeId?: string;
  label?: string;
  parentId?: string;
  q?: string;
};

export class ListBacklogQuery extends Query<BacklogPage> {
  constructor(
    readonly actor: AuthenticatedActor,
    readonly filters: BacklogListFilters,
    readonly limit: number,
    readonly cursor?: string,
    /** An ISO 8601 timestamp: the page as it stood then. */
    readonly asOf?: string,
  ) {
    super();
  }
}
