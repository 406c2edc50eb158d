import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { sprintDecider, sprintStreamId } from '@chorus/domain';
import { PostgresEventStore } from '@chorus/event-store';
import { decideAndAppend } from '../../platform/run-decider';
import { readSprintTotals, sprintViewOf } from '../sprint.view';
import { ChangeSprintCommand } from './change-sprint.command';

@CommandHandler(ChangeSprintCommand)
export class ChangeSprintHandler implements ICommandHandler<ChangeSprintCommand> {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
  ) {}

  async execute({ change, expectedVersion, actor, context }: ChangeSprintCommand) {
    const { version, state } = await decideAndAppend(
      this.store,
      sprintDecider,
      sprintStreamId(change.sprintId),
      { ...change, actor },
      context,
      { expectedVersion },
    );
    if (!state.exists) throw new Error('A sprint change left no sprint');
    const totals = await readSprintTotals(this.db, actor.workspaceId, state.sprintId, null);
    return sprintViewOf(state, version, totals);
  }
}
