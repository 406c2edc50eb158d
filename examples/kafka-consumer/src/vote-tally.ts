/**
 * An example read model: the vote count, title and status of every feedback item, kept in
 * memory. Replace it with your own handlers; the shape stays the same: one case per CloudEvent
 * type, each with its data typed.
 */
import type { ChorusEvent, FeedbackStatus } from './consumer';

export type FeedbackTally = {
  feedbackId: string;
  workspaceId: string;
  title: string;
  status: FeedbackStatus;
  votes: number;
};

export type VoteTally = {
  onEvent: (event: ChorusEvent) => void;
  get: (feedbackId: string) => FeedbackTally | undefined;
  all: () => FeedbackTally[];
};

export const createVoteTally = (): VoteTally => {
  const items = new Map<string, FeedbackTally>();

  /** Votes are keyed by their feedback, so a vote never arrives before its feedback item… */
  const item = (feedbackId: string, workspaceId: string): FeedbackTally => {
    let found = items.get(feedbackId);
    if (!found) {
      // …unless this consumer started mid-topic (retention, `fromBeginning: false`).
      found = { feedbackId, workspaceId, title: '', status: 'open', votes: 0 };
      items.set(feedbackId, found);
    }
    return found;
  };

  const onEvent = (event: ChorusEvent): void => {
    switch (event.type) {
      case 'com.chorus.feedback.submitted.v1': {
        const tally = item(event.data.feedbackId, event.workspaceId);
        tally.title = event.data.title;
        return;
      }
      case 'com.chorus.feedback.edited.v1': {
        if (event.data.title !== undefined) {
          item(event.data.feedbackId, event.workspaceId).title = event.data.title;
        }
        return;
      }
      case 'com.chorus.feedback.status-changed.v1':
        item(event.data.feedbackId, event.workspaceId).status = event.data.to;
        return;
      case 'com.chorus.feedback.vote-cast.v1':
        item(event.data.feedbackId, event.workspaceId).votes += 1;
        return;
      case 'com.chorus.feedback.vote-withdrawn.v1':
        item(event.data.feedbackId, event.workspaceId).votes -= 1;
        return;
    }
  };

  return {
    onEvent,
    get: (feedbackId) => items.get(feedbackId),
    all: () => [...items.values()],
  };
};
