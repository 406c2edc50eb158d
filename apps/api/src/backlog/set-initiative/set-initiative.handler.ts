import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { backlogItemDecider, backlogItemStreamId } from '@chorus/domain';
import { PostgresEventStore } from '@chorus/event-store';
import { decideAndAppend } from '../../platform/run-decider';
import { readInitiativeFacts } from '../backlog-inputs';
import { SetInitiativeCommand } from './set-initiative.command';

@CommandHandler(SetInitiativeCommand)
export class SetInitiativeHandler implements ICommandHandler<SetInitiativeCommand> {
  constructor(@Inject(PostgresEventStore) private readonly store: PostgresEventStore) {}

  async execute({ itemId, initiativeId, actor, context }: SetInitiativeCommand) {
    const initiative =
      initiativeId === null
        ? undefined
        : await readInitiativeFacts(this.store, actor.workspaceId, initiativeId);
    const { version } = await decideAndAppend(
      this.store,
      backlogItemDecider,
      backlogItemStreamId(itemId),
      { type: 'SetInitiative', itemId, initiativeId, initiative, actor },
      context,
    );
    return { id: itemId, version };
  }
}
