import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { initiativeDecider, initiativeStreamId, type InitiativeCommand } from '@chorus/domain';
import { PostgresEventStore } from '@chorus/event-store';
import { decideAndAppend } from '../../platform/run-decider';
import { ChangeInitiativeCommand } from './change-initiative.command';

@CommandHandler(ChangeInitiativeCommand)
export class ChangeInitiativeHandler implements ICommandHandler<ChangeInitiativeCommand> {
  constructor(@Inject(PostgresEventStore) private readonly store: PostgresEventStore) {}

  async execute({ change, expectedVersion, actor, context }: ChangeInitiativeCommand) {
    const command: InitiativeCommand = { ...change, actor };
    const { version } = await decideAndAppend(
      this.store,
      initiativeDecider,
      initiativeStreamId(change.initiativeId),
      command,
      context,
      { expectedVersion },
    );
    return { id: change.initiativeId, version };
  }
}
