import type { Readable } from 'node:stream';
import { Query } from '@nestjs/cqrs';

export class ExportEventsQuery extends Query<Readable> {
  constructor(readonly workspaceId: string) {
    super();
  }
}
