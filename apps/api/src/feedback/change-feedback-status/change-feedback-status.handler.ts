import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { feedbackDecider, feedbackStreamId } from '@chorus/domain';
import { PostgresEventStore } from '@chorus/event-store';
import { readCatalog } from '../../catalog/read-catalog';
import { decideAndAppend } from '../../platform/run-decider';
import { ChangeFeedbackStatusCommand } from './change-feedback-status.command';

@CommandHandler(ChangeFeedbackStatusCommand)
export class ChangeFeedbackStatusHandler implements ICommandHandler<ChangeFeedbackStatusCommand> {
  constructor(@Inject(PostgresEventStore) private readonly store: PostgresEventStore) {}

  async execute({
    feedbackId,
    status,
    expectedVersion,
    actor,
    context,
  }: ChangeFeedbackStatusCommand) {
    const { catalog } = await readCatalog(this.store, actor.workspaceId);
    const { version, state } = await decideAndAppend(
      this.store,
      feedbackDecider,
      feedbackStreamId(feedbackId),
      { type: 'ChangeFeedbackStatus', feedbackId, status, catalog, actor },
      context,
      { expectedVersion },
    );
    if (!state.exists) throw new Error('Feedback vanished while changing its status');
    return { id: feedbackId, version, status: state.status };
  }
}
