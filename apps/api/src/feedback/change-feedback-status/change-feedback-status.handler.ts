import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource, type EntityManager } from 'typeorm';
import { feedbackDecider, feedbackStreamId, findStatus } from '@chorus/domain';
import { ConcurrencyConflict, PostgresEventStore } from '@chorus/event-store';
import { readCatalog } from '../../catalog/read-catalog';
import {
  appendActivityNotifications,
  followersToNotify,
} from '../../notifications/activity-notifications';
import { decideAndAppend } from '../../platform/run-decider';
import { ChangeFeedbackStatusCommand } from './change-feedback-status.command';

const RETRIES = 3;

/**
 * The move and the notifications of its followers are one transaction: a racing writer rolls
 * both back and the move is decided again on fresh state (or, with If-Match, refused).
 */
@CommandHandler(ChangeFeedbackStatusCommand)
export class ChangeFeedbackStatusHandler implements ICommandHandler<ChangeFeedbackStatusCommand> {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
  ) {}

  async execute(command: ChangeFeedbackStatusCommand) {
    for (let attempt = 0; ; attempt++) {
      try {
        const result = await this.db.transaction((tx) => this.change(tx, command));
        this.store.notifyAppended();
        return result;
      } catch (error) {
        if (!(error instanceof ConcurrencyConflict) || attempt >= RETRIES) throw error;
      }
    }
  }

  private async change(
    tx: EntityManager,
    { feedbackId, status, expectedVersion, actor, context }: ChangeFeedbackStatusCommand,
  ) {
    const { workspaceId } = actor;
    const { catalog } = await readCatalog(this.store, workspaceId, tx);
    const streamId = feedbackStreamId(feedbackId);
    const { version, events, state } = await decideAndAppend(
      this.store,
      feedbackDecider,
      streamId,
      { type: 'ChangeFeedbackStatus', feedbackId, status, catalog, actor },
      context,
      // A conflict rolls back the whole transaction, so it is retried above, not in here.
      { expectedVersion, manager: tx, retries: 0 },
    );
    if (!state.exists) throw new Error('Feedback vanished while changing its status');
    if (events.length > 0) {
      const target = findStatus(catalog, state.status);
      await appendActivityNotifications(
        this.store,
        tx,
        { streamId, version },
        {
          type: 'FeedbackStatusChange',
          via: 'ChangeFeedbackStatus',
          feedback: { id: feedbackId, title: state.title },
          status: { id: state.status, name: target?.name ?? state.status },
          by: actor.id,
        },
        await followersToNotify(tx, workspaceId, feedbackId, [state], catalog),
        context,
      );
    }
    return { id: feedbackId, version, status: state.status };
  }
}
