import { Command } from '@nestjs/cqrs';
import type { ImportKind, ImportReport } from '@chorus/domain';
import type { CommandContext } from '@chorus/event-store';
import type { AuthenticatedActor } from '../../platform/auth';

export class ImportCommand extends Command<ImportReport> {
  constructor(
    readonly kind: ImportKind,
    readonly csv: string,
    readonly dryRun: boolean,
    readonly actor: AuthenticatedActor,
    readonly context: CommandContext,
  ) {
    super();
  }
}
