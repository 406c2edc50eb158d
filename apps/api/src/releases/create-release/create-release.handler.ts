import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource, type EntityManager } from 'typeorm';
import { releaseDecider, releaseStreamId, type ReleaseView } from '@chorus/domain';
import { PostgresEventStore } from '@chorus/event-store';
import { createOncePerKey } from '../../platform/idempotency';
import { decideAndAppend } from '../../platform/run-decider';
import { releaseViewOf } from '../release.view';
import { CreateReleaseCommand } from './create-release.command';

@CommandHandler(CreateReleaseCommand)
export class CreateReleaseHandler implements ICommandHandler<CreateReleaseCommand> {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
  ) {}

  async execute({ input, actor, context, idempotencyKey }: CreateReleaseCommand) {
    const create = async (manager?: EntityManager) => {
      const releaseId = randomUUID();
      const { version, state } = await decideAndAppend(
        this.store,
        releaseDecider,
        releaseStreamId(releaseId),
        { type: 'CreateRelease', releaseId, ...input, actor },
        context,
        { retries: 0, manager },
      );
      if (!state.exists) throw new Error('Creating a release produced no release');
      const body: ReleaseView = releaseViewOf(state, version, new Map());
      return { status: 201, body };
    };
    return createOncePerKey(this.db, this.store, { actor, idempotencyKey, input }, create);
  }
}
