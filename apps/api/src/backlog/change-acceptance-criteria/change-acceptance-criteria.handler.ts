import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { backlogItemDecider, backlogItemStreamId } from '@chorus/domain';
import { PostgresEventStore } from '@chorus/event-store';
import { decideAndAppend } from '../../platform/run-decider';
import { ChangeAcceptanceCriteriaCommand } from './change-acceptance-criteria.command';

@CommandHandler(ChangeAcceptanceCriteriaCommand)
export class ChangeAcceptanceCriteriaHandler implements ICommandHandler<ChangeAcceptanceCriteriaCommand> {
  constructor(@Inject(PostgresEventStore) private readonly store: PostgresEventStore) {}

  async execute({
    itemId,
    criteria,
    expectedVersion,
    actor,
    context,
  }: ChangeAcceptanceCriteriaCommand) {
    const { version } = await decideAndAppend(
      this.store,
      backlogItemDecider,
      backlogItemStreamId(itemId),
      {
        type: 'ChangeAcceptanceCriteria',
        itemId,
        // A criterion written just now gets its id here; one kept from before names its own.
        criteria: criteria.map(({ id, ...text }) => ({ id: id ?? randomUUID(), ...text })),
        actor,
      },
      context,
      { expectedVersion },
    );
    return { id: itemId, version };
  }
}
