import type { Actor } from '../shared/actor';
import type { Catalog } from '../catalog/catalog';
import { backlogItemStreamId, type BacklogItemEvent } from '../backlog/backlog.events';
import type { Feedback } from '../feedback/feedback';
import { feedbackDecider, feedbackStreamId } from '../feedback/feedback.decider';
import type { FeedbackEvent } from '../feedback/feedback.events';
import {
  releaseNotificationsStreamId,
  type PersonNotified,
} from '../notifications/notification.events';
import type { Release } from './release';
import { releaseDecider, type PublishDueRelease, type PublishRelease } from './release.decider';
import { releaseStreamId, type ReleaseEvent } from './release.events';

export type PublicationEvent = ReleaseEvent | BacklogItemEvent | FeedbackEvent | PersonNotified;

/** Events for one stream; the notifications stream is always new (expected version 0). */
export type StreamAppend = { streamId: string; events: PublicationEvent[] };

export type Publication = {
  /** Carries the items' folded states (with their linked feedback ids) and `now`. */
  command: PublishRelease | PublishDueRelease;
  release: Release;
  /** The linked feedback, each folded from its own stream, keyed by id. */
  feedback: ReadonlyMap<string, Feedback>;
  catalog: Catalog;
  /** Who asked: person id → the linked feedback they voted on or follow (directly or via a duplicate). */
  recipients: ReadonlyMap<string, readonly string[]>;
  /** A fresh id for each notification. */
  newId: () => string;
};

/**
 * Everything publishing a release records, per stream: the release is published, its items
 * released, the feedback they answer done, and everyone who asked for it notified once.
 * Empty when there is nothing to do (a schedule that is no longer due).
 */
export const decidePublication = ({
  command,
  release,
  feedback,
  catalog,
  recipients,
  newId,
}: Publication): StreamAppend[] => {
  const releaseEvents = releaseDecider.decide(command, release);
  const published = releaseEvents.find((e) => e.type === 'ReleasePublished');
  if (!published || !release.exists) return [];
  const { releaseId, itemIds, feedbackIds, by } = published.data;
  // Scheduled publications act in the name of the teammate who set the schedule.
  const actor: Actor =
    command.type === 'PublishRelease' ? command.actor : { id: by, role: 'product_manager' };

  const items: StreamAppend[] = itemIds.map((itemId) => ({
    streamId: backlogItemStreamId(itemId),
    events: [{ type: 'BacklogItemReleased', data: { itemId, releaseId, by } }],
  }));

  const delivered = feedbackIds.filter((id) => feedback.get(id)?.exists === true);
  const shipped: StreamAppend[] = delivered.map((feedbackId) => ({
    streamId: feedbackStreamId(feedbackId),
    events: feedbackDecider.decide(
      { type: 'ShipFeedback', feedbackId, catalog, actor },
      feedback.get(feedbackId) ?? { exists: false },
    ),
  }));

  const linked = new Set(delivered);
  const notifications: PersonNotified[] = [...recipients.entries()]
    .map(([personId, asked]) => ({
      personId,
      feedbackIds: [...new Set(asked)].filter((id) => linked.has(id)).sort(),
    }))
    .filter((r) => r.feedbackIds.length > 0)
    .sort((a, b) => (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0))
    .map(({ personId, feedbackIds: asked }) => ({
      type: 'PersonNotified',
      data: {
        notificationId: newId(),
        personId,
        kind: 'feedback_shipped',
        releaseId,
        releaseName: release.name,
        feedbackIds: asked,
      },
    }));

  return [
    { streamId: releaseStreamId(releaseId), events: releaseEvents },
    ...items,
    ...shipped,
    { streamId: releaseNotificationsStreamId(releaseId), events: notifications },
  ].filter((append) => append.events.length > 0);
};
