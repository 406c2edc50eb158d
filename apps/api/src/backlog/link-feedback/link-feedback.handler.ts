import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { backlogItemDecider, backlogItemStreamId } from '@chorus/domain';
import { PostgresEventStore } from '@chorus/event-store';
import { decideAndAppend } from '../../platform/run-decider';
import { readLinkableFeedback } from '../backlog-inputs';
import { LinkFeedbackCommand } from './link-feedback.command';

/**
 * The link is recorded on the item's stream only: linking never moves the feedback's ETag, and
 * the feedback is read as it stands (it must exist in the workspace and not be merged away).
 */
@CommandHandler(LinkFeedbackCommand)
export class LinkFeedbackHandler implements ICommandHandler<LinkFeedbackCommand> {
  constructor(@Inject(PostgresEventStore) private readonly store: PostgresEventStore) {}

  async execute({ kind, itemId, feedbackId, actor, context }: LinkFeedbackCommand) {
    const command =
      kind === 'LinkFeedback'
        ? {
            type: kind,
            itemId,
            feedbackId,
            feedback: await readLinkableFeedback(this.store, actor.workspaceId, [feedbackId]),
            actor,
          }
        : { type: kind, itemId, feedbackId, actor };
    const { version } = await decideAndAppend(
      this.store,
      backlogItemDecider,
      backlogItemStreamId(itemId),
      command,
      context,
    );
    return { id: itemId, version };
  }
}
