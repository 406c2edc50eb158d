import { Command } from '@nestjs/cqrs';
import type { BacklogItemView } from '@chorus/domain';
import type { CommandContext } from '@chorus/event-store';
import type { AuthenticatedActor } from '../../platform/auth';
import type { CreateBacklogItemInput } from './create-backlog-item.dto';

export class CreateBacklogItemCommand extends Command<{ status: number; body: BacklogItemView }> {
  constructor(
    readonly input: CreateBacklogItemInput,
    readonly actor: AuthenticatedActor,
    readonly context: CommandContext,
    readonly idempotencyKey?: string,
  ) {
    super();
  }
}
