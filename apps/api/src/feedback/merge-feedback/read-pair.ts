import {
  evolveFeedback,
  feedbackStreamId,
  initialFeedback,
  type Feedback,
  type FeedbackEvent,
} from '@chorus/domain';
import type { PostgresEventStore } from '@chorus/event-store';
import type { EntityManager } from 'typeorm';
import { asDomainEvent } from '../../platform/run-decider';

export type FoldedFeedback = { state: Feedback; version: number };

/** Reads and folds feedback streams of one workspace in one round trip. */
export const readFeedbacks = async (
  store: PostgresEventStore,
  workspaceId: string,
  ids: readonly string[],
  manager?: EntityManager,
): Promise<Map<string, FoldedFeedback>> => {
  const streams = await store.readStreams(ids.map(feedbackStreamId), { workspaceId, manager });
  return new Map(
    ids.map((id) => {
      const events = streams.get(feedbackStreamId(id)) ?? [];
      return [
        id,
        {
          state: events
            .map((e) => asDomainEvent<FeedbackEvent>(e))
            .reduce(evolveFeedback, initialFeedback()),
          version: events.length,
        },
      ];
    }),
  );
};
