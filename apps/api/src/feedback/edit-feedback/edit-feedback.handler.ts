import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { feedbackDecider, feedbackStreamId } from '@chorus/domain';
import { PostgresEventStore } from '@chorus/event-store';
import { readCatalog } from '../../catalog/read-catalog';
import { decideAndAppend } from '../../platform/run-decider';
import { EditFeedbackCommand } from './edit-feedback.command';

@CommandHandler(EditFeedbackCommand)
export class EditFeedbackHandler implements ICommandHandler<EditFeedbackCommand> {
  constructor(@Inject(PostgresEventStore) private readonly store: PostgresEventStore) {}

  async execute({ feedbackId, changes, expectedVersion, actor, context }: EditFeedbackCommand) {
    const { catalog } = await readCatalog(this.store, actor.workspaceId);
    const { version } = await decideAndAppend(
      this.store,
      feedbackDecider,
      feedbackStreamId(feedbackId),
      { type: 'EditFeedback', feedbackId, ...changes, catalog, actor },
      context,
      { expectedVersion },
    );
    return { id: feedbackId, version };
  }
}
