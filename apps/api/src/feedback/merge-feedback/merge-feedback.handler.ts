import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import {
  decideMerge,
  decideUnmerge,
  feedbackStreamId,
  initialFeedback,
  type MergeDecision,
} from '@chorus/domain';
import { ConcurrencyConflict, PostgresEventStore } from '@chorus/event-store';
import { readCatalog } from '../../catalog/read-catalog';
import {
  appendActivityNotifications,
  followersToNotify,
} from '../../notifications/activity-notifications';
import { MergeFeedbackCommand } from './merge-feedback.command';
import { readFeedbacks } from './read-pair';

const RETRIES = 3;

/**
 * Appends the duplicate's and the survivor's events in one transaction, each at the version
 * read, with the notifications of a merge: a concurrent merge or unmerge of either item makes
 * one of them conflict and decide again on fresh state, so the two streams can never disagree.
 */
@CommandHandler(MergeFeedbackCommand)
export class MergeFeedbackHandler implements ICommandHandler<MergeFeedbackCommand> {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
  ) {}

  async execute({ duplicateId, intoId, actor, context }: MergeFeedbackCommand) {
    for (let attempt = 0; ; attempt++) {
      try {
        const result = await this.db.transaction(async (tx) => {
          const { workspaceId } = actor;
          const first = await readFeedbacks(this.store, workspaceId, [duplicateId], tx);
          const duplicate = first.get(duplicateId) ?? { state: initialFeedback(), version: 0 };
          const survivorId =
            intoId ?? (duplicate.state.exists ? duplicate.state.mergedInto : null) ?? duplicateId;
          const survivor = (await readFeedbacks(this.store, workspaceId, [survivorId], tx)).get(
            survivorId,
          ) ?? { state: initialFeedback(), version: 0 };
          const decision: MergeDecision =
            intoId === null
              ? decideUnmerge(
                  { type: 'UnmergeFeedback', duplicateId, actor },
                  duplicate.state,
                  survivor.state,
                )
              : decideMerge(
                  { type: 'MergeFeedback', duplicateId, intoId, actor },
                  duplicate.state,
                  survivor.state,
                );
          const appends = [
            { streamId: feedbackStreamId(duplicateId), ...duplicate, events: decision.duplicate },
            ...(survivorId === duplicateId
              ? []
              : [
                  {
                    streamId: feedbackStreamId(survivorId),
                    ...survivor,
                    events: decision.survivor,
                  },
                ]),
          ];
          // Always in the same order: two crossing merges then queue on the same row instead of
          // each holding one stream's new version while waiting for the other's (a deadlock).
          appends.sort((a, b) => (a.streamId < b.streamId ? -1 : 1));
          for (const { streamId, version, events } of appends) {
            await this.store.append(streamId, version, events, context, tx);
          }
          // The duplicate's followers learn where it went; their notifications' stream sorts
          // after every feedback stream, so the order above still holds.
          if (
            intoId !== null &&
            decision.duplicate.length > 0 &&
            duplicate.state.exists &&
            survivor.state.exists
          ) {
            const { catalog } = await readCatalog(this.store, workspaceId, tx);
            await appendActivityNotifications(
              this.store,
              tx,
              {
                streamId: feedbackStreamId(duplicateId),
                version: duplicate.version + decision.duplicate.length,
              },
              {
                type: 'FeedbackMerge',
                duplicate: { id: duplicateId, title: duplicate.state.title },
                into: { id: intoId, title: survivor.state.title },
                by: actor.id,
              },
              await followersToNotify(
                tx,
                workspaceId,
                duplicateId,
                [duplicate.state, survivor.state],
                catalog,
              ),
              context,
            );
          }
          return { duplicateId, intoId };
        });
        this.store.notifyAppended();
        return result;
      } catch (error) {
        if (!(error instanceof ConcurrencyConflict) || attempt >= RETRIES) throw error;
      }
    }
  }
}
