import { Query } from '@nestjs/cqrs';
import type { AuditPage } from '@chorus/domain';
import type { AuditFilter } from '../audit-reader';

export class ListAuditQuery extends Query<AuditPage> {
  constructor(
    readonly workspaceId: string,
    readonly filter: AuditFilter,
    readonly limit: number,
    readonly cursor: string | undefined,
  ) {
    super();
  }
}
