import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { feedbackDecider, feedbackStreamId, type FeedbackCommand } from '@chorus/domain';
import { PostgresEventStore } from '@chorus/event-store';
import { readCatalog } from '../../catalog/read-catalog';
import { decideAndAppend } from '../../platform/run-decider';
import { TriageFeedbackCommand } from './triage-feedback.command';

@CommandHandler(TriageFeedbackCommand)
export class TriageFeedbackHandler implements ICommandHandler<TriageFeedbackCommand> {
  constructor(@Inject(PostgresEventStore) private readonly store: PostgresEventStore) {}

  async execute({ feedbackId, action, actor, context }: TriageFeedbackCommand) {
    const command: FeedbackCommand =
      action.type === 'TagFeedback' || action.type === 'CategoriseFeedback'
        ? {
            ...action,
            feedbackId,
            actor,
            catalog: (await readCatalog(this.store, actor.workspaceId)).catalog,
          }
        : { ...action, feedbackId, actor };
    const { version } = await decideAndAppend(
      this.store,
      feedbackDecider,
      feedbackStreamId(feedbackId),
      command,
      context,
    );
    return { id: feedbackId, version };
  }
}
