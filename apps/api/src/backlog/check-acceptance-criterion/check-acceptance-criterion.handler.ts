import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { backlogItemDecider, backlogItemStreamId } from '@chorus/domain';
import { PostgresEventStore } from '@chorus/event-store';
import { decideAndAppend } from '../../platform/run-decider';
import { CheckAcceptanceCriterionCommand } from './check-acceptance-criterion.command';

/** Setting `met` to a value says what it should be, so a racing check decides again, not 412. */
@CommandHandler(CheckAcceptanceCriterionCommand)
export class CheckAcceptanceCriterionHandler implements ICommandHandler<CheckAcceptanceCriterionCommand> {
  constructor(@Inject(PostgresEventStore) private readonly store: PostgresEventStore) {}

  async execute({ itemId, criterionId, met, actor, context }: CheckAcceptanceCriterionCommand) {
    const { version } = await decideAndAppend(
      this.store,
      backlogItemDecider,
      backlogItemStreamId(itemId),
      { type: 'CheckAcceptanceCriterion', itemId, criterionId, met, actor },
      context,
    );
    return { id: itemId, version };
  }
}
