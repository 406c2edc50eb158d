import { isStaff, type Actor } from '../shared/actor';
import { ActionForbidden, DomainRuleViolation } from '../shared/errors';
import type { Feedback } from './feedback';
import { assertFeedbackExists } from './feedback.decider';
import type { FeedbackEvent } from './feedback.events';

/**
 * Merging touches two streams: the duplicate records where it went, the survivor records what it
 * absorbed. Both are appended in one transaction at the versions read, so two concurrent merges
 * of the same items conflict instead of corrupting counts. Votes never move: the survivor's
 * count is the distinct voters of it and its duplicates, so unmerging restores exactly what was.
 */
export type MergeFeedback = {
  type: 'MergeFeedback';
  duplicateId: string;
  intoId: string;
  actor: Actor;
};
export type UnmergeFeedback = { type: 'UnmergeFeedback'; duplicateId: string; actor: Actor };

export type MergeDecision = { duplicate: FeedbackEvent[]; survivor: FeedbackEvent[] };

export const decideMerge = (
  command: MergeFeedback,
  duplicate: Feedback,
  survivor: Feedback,
): MergeDecision => {
  if (!isStaff(command.actor)) throw new ActionForbidden('Only a teammate can merge feedback.');
  assertFeedbackExists(duplicate, command.duplicateId);
  assertFeedbackExists(survivor, command.intoId);
  if (duplicate.id === survivor.id) {
    throw new DomainRuleViolation('Feedback cannot be merged into itself.', 'intoId');
  }
  if (duplicate.mergedInto === survivor.id) return { duplicate: [], survivor: [] };
  if (duplicate.mergedInto) {
    throw new DomainRuleViolation(
      `"${duplicate.title}" is already merged into ${duplicate.mergedInto}; unmerge it first.`,
      'duplicateId',
    );
  }
  if (survivor.mergedInto) {
    throw new DomainRuleViolation(
      `"${survivor.title}" is itself merged into ${survivor.mergedInto}; merge into that one instead.`,
      'intoId',
    );
  }
  if (duplicate.duplicates.length > 0) {
    throw new DomainRuleViolation(
      `"${duplicate.title}" has ${duplicate.duplicates.length} duplicate(s) of its own; merge "${survivor.title}" into it instead, or unmerge those first.`,
      'duplicateId',
    );
  }
  const by = command.actor.id;
  return {
    duplicate: [
      { type: 'FeedbackMerged', data: { feedbackId: duplicate.id, intoId: survivor.id, by } },
    ],
    survivor: [
      {
        type: 'FeedbackDuplicateAbsorbed',
        data: { feedbackId: survivor.id, duplicateId: duplicate.id, by },
      },
    ],
  };
};

/** `survivor` is the item the duplicate is merged into now, read in the same round trip. */
export const decideUnmerge = (
  command: UnmergeFeedback,
  duplicate: Feedback,
  survivor: Feedback,
): MergeDecision => {
  if (!isStaff(command.actor)) throw new ActionForbidden('Only a teammate can unmerge feedback.');
  assertFeedbackExists(duplicate, command.duplicateId);
  if (!duplicate.mergedInto) return { duplicate: [], survivor: [] };
  assertFeedbackExists(survivor, duplicate.mergedInto);
  const by = command.actor.id;
  return {
    duplicate: [
      { type: 'FeedbackUnmerged', data: { feedbackId: duplicate.id, fromId: survivor.id, by } },
    ],
    survivor: survivor.duplicates.includes(duplicate.id)
      ? [
          {
            type: 'FeedbackDuplicateReleased',
            data: { feedbackId: survivor.id, duplicateId: duplicate.id, by },
          },
        ]
      : [],
  };
};
