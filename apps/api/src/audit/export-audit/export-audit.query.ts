import type { Readable } from 'node:stream';
import { Query } from '@nestjs/cqrs';
import type { AuditFilter } from '../audit-reader';

export class ExportAuditQuery extends Query<Readable> {
  constructor(
    readonly workspaceId: string,
    readonly filter: AuditFilter,
  ) {
    super();
  }
}
