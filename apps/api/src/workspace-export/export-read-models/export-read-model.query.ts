import type { Readable } from 'node:stream';
import { Query } from '@nestjs/cqrs';

/** Answers null when the table is not a read model that can be exported. */
export class ExportReadModelQuery extends Query<Readable | null> {
  constructor(
    readonly workspaceId: string,
    readonly table: string,
  ) {
    super();
  }
}
