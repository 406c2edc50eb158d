import {
  catalogDecider,
  catalogStreamId,
  evolveFeedback,
  feedbackStreamId,
  fold,
  initialFeedback,
  isStaff,
  type CatalogEvent,
  type Feedback,
  type FeedbackEvent,
} from '@chorus/domain';
import type { PostgresEventStore, StoredEvent } from '@chorus/event-store';
import type { AuthenticatedActor } from '../platform/auth';
import { asDomainEvent } from '../platform/run-decider';
import { customerVisibility, isVisibleTo } from '../feedback/feedback-visibility';

/**
 * The feedback as the actor may act on it, folded from its stream in one round trip with the
 * workspace's catalog and any `other` streams the command needs. Another workspace's feedback,
 * and for customers feedback they may not see (spam, rejected, someone else's pending post, a
 * private board), reads as missing: the decider then answers 404.
 */
export const readFeedbackFor = async (
  store: PostgresEventStore,
  actor: AuthenticatedActor,
  feedbackId: string,
  other: readonly string[] = [],
): Promise<{ feedback: Feedback; streams: Map<string, StoredEvent[]> }> => {
  const feedbackStream = feedbackStreamId(feedbackId);
  const catalogStream = catalogStreamId(actor.workspaceId);
  const streams = await store.readStreams([feedbackStream, catalogStream, ...other], {
    workspaceId: actor.workspaceId,
  });
  const feedback = (streams.get(feedbackStream) ?? [])
    .map((e) => asDomainEvent<FeedbackEvent>(e))
    .reduce(evolveFeedback, initialFeedback());
  if (!feedback.exists || isStaff(actor)) return { feedback, streams };
  const catalog = fold(
    catalogDecider,
    (streams.get(catalogStream) ?? []).map((e) => asDomainEvent<CatalogEvent>(e)),
  );
  return {
    feedback: isVisibleTo(feedback, customerVisibility(actor, catalog))
      ? feedback
      : initialFeedback(),
    streams,
  };
};
