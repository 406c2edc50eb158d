import { Command } from '@nestjs/cqrs';
import type { ImportJobDetail, ImportSource } from '@chorus/domain';
import type { AuthenticatedActor } from '../../platform/auth';

export class StartImportCommand extends Command<ImportJobDetail> {
  constructor(
    readonly source: ImportSource,
    readonly dryRun: boolean,
    readonly file: Buffer,
    readonly actor: AuthenticatedActor,
  ) {
    super();
  }
}
