import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  ballotDecider,
  ballotVoterId,
  ballotStreamId,
  feedbackStreamId,
  type Ballot,
  type FeedbackEvent,
  type VoteEvent,
} from '@chorus/domain';
import { ConcurrencyConflict, PostgresEventStore } from '@chorus/event-store';
import { asDomainEvent } from '../../platform/run-decider';
import { resolveOnBehalfOf } from '../on-behalf-of';
import { VoteCommand } from './vote.command';

const RETRIES = 3;

/**
 * Votes commute, so a racing write to the same ballot (the same person double-clicking) is
 * simply decided again. One round trip reads the voter's ballot and the feedback's short stream;
 * under load, concurrent votes share those reads and their append.
 */
@CommandHandler(VoteCommand)
export class VoteHandler implements ICommandHandler<VoteCommand> {
  constructor(@Inject(PostgresEventStore) private readonly store: PostgresEventStore) {}

  async execute({ kind, feedbackId, actor, context, onBehalfOf: input }: VoteCommand) {
    const onBehalfOf = await resolveOnBehalfOf(this.store, actor.workspaceId, input);
    const command = { type: kind, feedbackId, actor, onBehalfOf };
    const ballotStream = ballotStreamId(feedbackId, ballotVoterId(command));
    const feedbackStream = feedbackStreamId(feedbackId);
    for (let attempt = 0; ; attempt++) {
      const streams = await this.store.readStreams([feedbackStream, ballotStream], {
        workspaceId: actor.workspaceId,
      });
      const ballotEvents = streams.get(ballotStream) ?? [];
      const state = [
        ...(streams.get(feedbackStream) ?? []).map((e) => asDomainEvent<FeedbackEvent>(e)),
        ...ballotEvents.map((e) => asDomainEvent<VoteEvent>(e)),
      ].reduce<Ballot>(ballotDecider.evolveWithFeedback, ballotDecider.initialState());
      const events = ballotDecider.decide(command, state);
      try {
        const [event] = events;
        if (event) await this.store.appendOne(ballotStream, ballotEvents.length, event, context);
        return { feedbackId, voted: kind === 'CastVote' };
      } catch (error) {
        if (!(error instanceof ConcurrencyConflict) || attempt >= RETRIES) throw error;
      }
    }
  }
}
