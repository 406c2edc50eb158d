import type { Readable } from 'node:stream';
import { Query } from '@nestjs/cqrs';

export class ExportArchiveQuery extends Query<Readable> {
  constructor(readonly workspaceId: string) {
    super();
  }
}
