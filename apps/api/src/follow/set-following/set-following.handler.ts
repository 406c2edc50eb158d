import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import {
  decideFollowing,
  evolveFollowing,
  followStreamId,
  type FollowEvent,
  type FollowState,
  type Following,
} from '@chorus/domain';
import { ConcurrencyConflict, PostgresEventStore } from '@chorus/event-store';
import { asDomainEvent } from '../../platform/run-decider';
import { readFeedbackFor } from '../../comments/feedback-access';
import { countOtherFollowers } from '../followers';
import { SetFollowingCommand } from './set-following.command';

const RETRIES = 3;

/**
 * Like a ballot, a person's choice to follow an item is its own stream: deciding it never folds
 * anyone else's. One round trip reads it with the feedback, as the actor may see it.
 */
@CommandHandler(SetFollowingCommand)
export class SetFollowingHandler implements ICommandHandler<SetFollowingCommand> {
  constructor(
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
    @Inject(DataSource) private readonly db: DataSource,
  ) {}

  async execute({ kind, feedbackId, actor, context }: SetFollowingCommand): Promise<FollowState> {
    const followStream = followStreamId(feedbackId, actor.id);
    for (let attempt = 0; ; attempt++) {
      const { feedback, streams } = await readFeedbackFor(this.store, actor, feedbackId, [
        followStream,
      ]);
      const followEvents = streams.get(followStream) ?? [];
      const following = followEvents
        .map((e) => asDomainEvent<FollowEvent>(e))
        .reduce<Following>(evolveFollowing, 'unset');
      const [event] = decideFollowing({ type: kind, feedbackId, actor }, feedback, following);
      try {
        if (event) await this.store.appendOne(followStream, followEvents.length, event, context);
        break;
      } catch (error) {
        if (!(error instanceof ConcurrencyConflict) || attempt >= RETRIES) throw error;
      }
    }
    const others = await countOtherFollowers(this.db, actor.workspaceId, feedbackId, actor.id);
    const isFollowing = kind === 'Follow';
    return { feedbackId, following: isFollowing, followerCount: others + (isFollowing ? 1 : 0) };
  }
}
