import { Command } from '@nestjs/cqrs';
import type { RankedBacklogItem, RankRequest } from '@chorus/domain';
import type { CommandContext } from '@chorus/event-store';
import type { AuthenticatedActor } from '../../platform/auth';

export class RankBacklogItemCommand extends Command<RankedBacklogItem> {
  constructor(
    readonly itemId: string,
    readonly neighbours: RankRequest,
    readonly actor: AuthenticatedActor,
    readonly context: CommandContext,
  ) {
    super();
  }
}
