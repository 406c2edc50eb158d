/**
 * An example read model: the votes, title and status of every feedback item, kept in memory.
 * Replace it with your own handlers; the shape stays the same: one case per CloudEvent type, each
 * with its data typed.
 *
 * Votes are kept as sets of voters, not counters: a merged item's survivor counts the distinct
 * voters of itself and of its duplicates (someone who voted on both counts once), and unmerging
 * gives each item its own voters back. Sets also make a redelivered vote harmless.
 */
import type { ChorusEvent, FeedbackStatusId } from './consumer';

export type FeedbackTally = {
  feedbackId: string;
  workspaceId: string;
  title: string;
  /**
   * The id of its status in the workspace's workflow. `status-changed.v1` events carry one of
   * the six default ids (`open`, `planned`, …), v2 events any id of the workspace's own workflow.
   */
  status: FeedbackStatusId;
  /** Distinct voters of this item and of every duplicate merged into it. */
  votes: number;
  /** Set while this item is merged into another: its voters count there. */
  mergedInto: string | null;
  /** The items merged into this one. */
  duplicates: string[];
};

export type VoteTally = {
  onEvent: (event: ChorusEvent) => void;
  get: (feedbackId: string) => FeedbackTally | undefined;
  /** Every item, duplicates too: to rank by demand, skip those with `mergedInto` set. */
  all: () => FeedbackTally[];
};

type Item = {
  feedbackId: string;
  workspaceId: string;
  title: string;
  status: FeedbackStatusId;
  /** Who has a standing vote on this item itself. */
  voters: Set<string>;
  /** From the item's own stream (`merged` / `unmerged`). */
  mergedInto: string | null;
  /** From the item's own stream (`duplicate-absorbed` / `duplicate-released`). */
  duplicates: Set<string>;
};

export const createVoteTally = (): VoteTally => {
  const items = new Map<string, Item>();

  /**
   * Votes are keyed by their feedback, so a vote never arrives before its feedback item, unless
   * this consumer started mid-topic (retention, `fromBeginning: false`). A merge touches two
   * items that may sit in different partitions, so `duplicate-absorbed` may also arrive before
   * the duplicate's own events: the item is created empty and filled in when they come.
   */
  const item = (feedbackId: string, workspaceId: string): Item => {
    let found = items.get(feedbackId);
    if (!found) {
      found = {
        feedbackId,
        workspaceId,
        title: '',
        status: 'open',
        voters: new Set(),
        mergedInto: null,
        duplicates: new Set(),
      };
      items.set(feedbackId, found);
    }
    return found;
  };

  /**
   * The survivor's voters are the union of its own and its duplicates'. Each side of a merge is
   * read from its own stream (the survivor's `duplicates`, the duplicate's `mergedInto`), so each
   * is in order even though the two streams may arrive in either order.
   */
  const votersOf = (found: Item): Set<string> => {
    const voters = new Set(found.voters);
    for (const duplicateId of found.duplicates) {
      for (const voter of items.get(duplicateId)?.voters ?? []) voters.add(voter);
    }
    return voters;
  };

  const snapshot = (found: Item): FeedbackTally => ({
    feedbackId: found.feedbackId,
    workspaceId: found.workspaceId,
    title: found.title,
    status: found.status,
    votes: votersOf(found).size,
    mergedInto: found.mergedInto,
    duplicates: [...found.duplicates],
  });

  const onEvent = (event: ChorusEvent): void => {
    const { workspaceId } = event;
    switch (event.type) {
      case 'com.chorus.feedback.submitted.v1': {
        item(event.data.feedbackId, workspaceId).title = event.data.title;
        return;
      }
      case 'com.chorus.feedback.submitted.v2': {
        const found = item(event.data.feedbackId, workspaceId);
        found.title = event.data.title;
        found.status = event.data.statusId;
        return;
      }
      case 'com.chorus.feedback.edited.v1': {
        if (event.data.title !== undefined) {
          item(event.data.feedbackId, workspaceId).title = event.data.title;
        }
        return;
      }
      case 'com.chorus.feedback.status-changed.v1':
      case 'com.chorus.feedback.status-changed.v2':
        item(event.data.feedbackId, workspaceId).status = event.data.to;
        return;
      case 'com.chorus.feedback.vote-cast.v1':
      case 'com.chorus.feedback.vote-cast.v2':
        item(event.data.feedbackId, workspaceId).voters.add(event.data.voterId);
        return;
      case 'com.chorus.feedback.vote-withdrawn.v1':
        item(event.data.feedbackId, workspaceId).voters.delete(event.data.voterId);
        return;
      case 'com.chorus.feedback.merged.v1':
        item(event.data.feedbackId, workspaceId).mergedInto = event.data.intoId;
        return;
      case 'com.chorus.feedback.unmerged.v1':
        item(event.data.feedbackId, workspaceId).mergedInto = null;
        return;
      case 'com.chorus.feedback.duplicate-absorbed.v1':
        item(event.data.feedbackId, workspaceId).duplicates.add(event.data.duplicateId);
        item(event.data.duplicateId, workspaceId);
        return;
      case 'com.chorus.feedback.duplicate-released.v1':
        item(event.data.feedbackId, workspaceId).duplicates.delete(event.data.duplicateId);
        return;
      default: {
        // A type added to ChorusEventData without a case here fails to compile.
        const unhandled: never = event;
        return unhandled;
      }
    }
  };

  return {
    onEvent,
    get: (feedbackId) => {
      const found = items.get(feedbackId);
      return found && snapshot(found);
    },
    all: () => [...items.values()].map(snapshot),
  };
};
