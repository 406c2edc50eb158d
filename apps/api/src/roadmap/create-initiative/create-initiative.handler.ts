import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource, type EntityManager } from 'typeorm';
import { initiativeDecider, initiativeStreamId } from '@chorus/domain';
import { PostgresEventStore } from '@chorus/event-store';
import { createOncePerKey } from '../../platform/idempotency';
import { decideAndAppend } from '../../platform/run-decider';
import { CreateInitiativeCommand } from './create-initiative.command';

@CommandHandler(CreateInitiativeCommand)
export class CreateInitiativeHandler implements ICommandHandler<CreateInitiativeCommand> {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
  ) {}

  async execute({ input, actor, context, idempotencyKey }: CreateInitiativeCommand) {
    const create = async (manager?: EntityManager) => {
      const initiativeId = randomUUID();
      const { version } = await decideAndAppend(
        this.store,
        initiativeDecider,
        initiativeStreamId(initiativeId),
        { type: 'CreateInitiative', initiativeId, ...input, actor },
        context,
        { retries: 0, manager },
      );
      return { status: 201, body: { id: initiativeId, version } };
    };
    return createOncePerKey(this.db, this.store, { actor, idempotencyKey, input }, create);
  }
}
