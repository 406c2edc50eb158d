import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource, type EntityManager } from 'typeorm';
import { sprintDecider, sprintStreamId, type SprintView } from '@chorus/domain';
import { PostgresEventStore } from '@chorus/event-store';
import { createOncePerKey } from '../../platform/idempotency';
import { decideAndAppend } from '../../platform/run-decider';
import { sprintViewOf } from '../sprint.view';
import { CreateSprintCommand } from './create-sprint.command';

@CommandHandler(CreateSprintCommand)
export class CreateSprintHandler implements ICommandHandler<CreateSprintCommand> {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
  ) {}

  async execute({ input, actor, context, idempotencyKey }: CreateSprintCommand) {
    const create = async (manager?: EntityManager) => {
      const sprintId = randomUUID();
      const { version, state } = await decideAndAppend(
        this.store,
        sprintDecider,
        sprintStreamId(sprintId),
        { type: 'CreateSprint', sprintId, ...input, actor },
        context,
        { retries: 0, manager },
      );
      if (!state.exists) throw new Error('Creating a sprint produced no sprint');
      const body: SprintView = sprintViewOf(state, version, {
        plannedPoints: 0,
        acceptedPoints: 0,
        itemCount: 0,
      });
      return { status: 201, body };
    };
    return createOncePerKey(this.db, this.store, { actor, idempotencyKey, input }, create);
  }
}
