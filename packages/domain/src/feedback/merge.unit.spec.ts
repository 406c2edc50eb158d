import type { Actor } from '../shared/actor';
import { fold } from '../shared/decider';
import { ActionForbidden, AggregateNotFound, DomainRuleViolation } from '../shared/errors';
import { whyVotingIsClosed, type Feedback } from './feedback';
import { feedbackDecider } from './feedback.decider';
import type { FeedbackEvent } from './feedback.events';
import { decideMerge, decideUnmerge, type MergeDecision } from './merge';

const duplicateId = '1a1a1a1a-1111-4111-8111-111111111111';
const survivorId = '2b2b2b2b-2222-4222-8222-222222222222';
const thirdId = '3c3c3c3c-3333-4333-8333-333333333333';
const teammate: Actor = { id: 'user-teammate', role: 'teammate' };
const customer: Actor = { id: 'user-customer', role: 'customer' };

const submitted = (feedbackId: string, title: string): FeedbackEvent => ({
  type: 'FeedbackSubmitted',
  data: {
    feedbackId,
    title,
    description: '',
    boardId: 'general',
    authorId: customer.id,
    statusId: 'open',
    moderation: 'approved',
    source: 'app',
    capturedBy: null,
    quote: null,
  },
});
const merged = (feedbackId: string, intoId: string): FeedbackEvent => ({
  type: 'FeedbackMerged',
  data: { feedbackId, intoId, by: teammate.id },
});
const absorbed = (feedbackId: string, dupId: string): FeedbackEvent => ({
  type: 'FeedbackDuplicateAbsorbed',
  data: { feedbackId, duplicateId: dupId, by: teammate.id },
});
const unmerged = (feedbackId: string, fromId: string): FeedbackEvent => ({
  type: 'FeedbackUnmerged',
  data: { feedbackId, fromId, by: teammate.id },
});
const released = (feedbackId: string, dupId: string): FeedbackEvent => ({
  type: 'FeedbackDuplicateReleased',
  data: { feedbackId, duplicateId: dupId, by: teammate.id },
});

/** The field a rule violation names. */
const fieldOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainRuleViolation) return error.field;
    throw error;
  }
  throw new Error('expected a rule violation');
};

const state = (events: FeedbackEvent[]): Feedback => fold(feedbackDecider, events);
const nothing: MergeDecision = { duplicate: [], survivor: [] };

const duplicate = [submitted(duplicateId, 'CSV export')];
const survivor = [submitted(survivorId, 'Export the inbox')];
const third = [submitted(thirdId, 'Excel export')];
const mergedDuplicate = [...duplicate, merged(duplicateId, survivorId)];
const mergedSurvivor = [...survivor, absorbed(survivorId, duplicateId)];

describe('decideMerge', () => {
  const merge = (actor: Actor = teammate, dupId = duplicateId, intoId = survivorId) =>
    ({ type: 'MergeFeedback', duplicateId: dupId, intoId, actor }) as const;

  it('records the merge on both streams: where the duplicate went, what the survivor absorbed', () =>
    expect(decideMerge(merge(), state(duplicate), state(survivor))).toEqual({
      duplicate: [merged(duplicateId, survivorId)],
      survivor: [absorbed(survivorId, duplicateId)],
    }));

  it('folds into a duplicate that redirects and a survivor that knows its duplicates', () => {
    const decision = decideMerge(merge(), state(duplicate), state(survivor));
    const dup = state([...duplicate, ...decision.duplicate]);
    const sur = state([...survivor, ...decision.survivor]);
    expect(dup).toMatchObject({ mergedInto: survivorId, duplicates: [] });
    expect(sur).toMatchObject({ mergedInto: null, duplicates: [duplicateId] });
    if (!dup.exists) throw new Error('expected the duplicate');
    expect(whyVotingIsClosed(dup)).toBe(
      `This feedback was merged into ${survivorId}; vote there instead.`,
    );
  });

  it('refuses to merge feedback into itself', () => {
    const run = () =>
      decideMerge(merge(teammate, duplicateId, duplicateId), state(duplicate), state(duplicate));
    expect(run).toThrow(new DomainRuleViolation('Feedback cannot be merged into itself.'));
    expect(fieldOf(run)).toBe('intoId');
  });

  it('records nothing when the duplicate is already merged into the survivor', () =>
    expect(decideMerge(merge(), state(mergedDuplicate), state(mergedSurvivor))).toEqual(nothing));

  it('refuses a duplicate already merged elsewhere', () => {
    const run = () =>
      decideMerge(merge(teammate, duplicateId, thirdId), state(mergedDuplicate), state(third));
    expect(run).toThrow(DomainRuleViolation);
    expect(run).toThrow(`"CSV export" is already merged into ${survivorId}; unmerge it first.`);
    expect(fieldOf(run)).toBe('duplicateId');
  });

  it('refuses a survivor that is itself merged, pointing to where it went', () => {
    const run = () =>
      decideMerge(merge(teammate, thirdId, duplicateId), state(third), state(mergedDuplicate));
    expect(run).toThrow(
      `"CSV export" is itself merged into ${survivorId}; merge into that one instead.`,
    );
    expect(fieldOf(run)).toBe('intoId');
  });

  it('refuses a duplicate that has duplicates of its own, so merges stay one level deep', () => {
    const run = () =>
      decideMerge(merge(teammate, survivorId, thirdId), state(mergedSurvivor), state(third));
    expect(run).toThrow(
      '"Export the inbox" has 1 duplicate(s) of its own; merge "Excel export" into it instead, or unmerge those first.',
    );
    expect(fieldOf(run)).toBe('duplicateId');
  });

  it('merges a second duplicate into the same survivor', () =>
    expect(decideMerge(merge(teammate, thirdId), state(third), state(mergedSurvivor))).toEqual({
      duplicate: [merged(thirdId, survivorId)],
      survivor: [absorbed(survivorId, thirdId)],
    }));

  it('is for teammates only', () =>
    expect(() => decideMerge(merge(customer), state(duplicate), state(survivor))).toThrow(
      ActionForbidden,
    ));

  it('needs both items to exist', () => {
    expect(() => decideMerge(merge(), state([]), state(survivor))).toThrow(
      new AggregateNotFound('Feedback', duplicateId),
    );
    expect(() => decideMerge(merge(), state(duplicate), state([]))).toThrow(
      new AggregateNotFound('Feedback', survivorId),
    );
  });

  it('merges again after an unmerge', () =>
    expect(
      decideMerge(
        merge(),
        state([...mergedDuplicate, unmerged(duplicateId, survivorId)]),
        state([...mergedSurvivor, released(survivorId, duplicateId)]),
      ),
    ).toEqual({
      duplicate: [merged(duplicateId, survivorId)],
      survivor: [absorbed(survivorId, duplicateId)],
    }));
});

describe('decideUnmerge', () => {
  const unmerge = (actor: Actor = teammate) =>
    ({ type: 'UnmergeFeedback', duplicateId, actor }) as const;

  it('records the unmerge on both streams', () =>
    expect(decideUnmerge(unmerge(), state(mergedDuplicate), state(mergedSurvivor))).toEqual({
      duplicate: [unmerged(duplicateId, survivorId)],
      survivor: [released(survivorId, duplicateId)],
    }));

  it('restores both items as they were', () => {
    const decision = decideUnmerge(unmerge(), state(mergedDuplicate), state(mergedSurvivor));
    expect(state([...mergedDuplicate, ...decision.duplicate])).toMatchObject({
      mergedInto: null,
    });
    expect(state([...mergedSurvivor, ...decision.survivor])).toMatchObject({ duplicates: [] });
  });

  it('records nothing for feedback that is not merged', () => {
    expect(decideUnmerge(unmerge(), state(duplicate), state([]))).toEqual(nothing);
    expect(
      decideUnmerge(
        unmerge(),
        state([...mergedDuplicate, unmerged(duplicateId, survivorId)]),
        state([...mergedSurvivor, released(survivorId, duplicateId)]),
      ),
    ).toEqual(nothing);
  });

  it('records only the duplicate’s side when the survivor does not list it', () =>
    expect(decideUnmerge(unmerge(), state(mergedDuplicate), state(survivor))).toEqual({
      duplicate: [unmerged(duplicateId, survivorId)],
      survivor: [],
    }));

  it('is for teammates only', () =>
    expect(() =>
      decideUnmerge(unmerge(customer), state(mergedDuplicate), state(mergedSurvivor)),
    ).toThrow(ActionForbidden));

  it('needs the duplicate, and the item it is merged into, to exist', () => {
    expect(() => decideUnmerge(unmerge(), state([]), state(mergedSurvivor))).toThrow(
      new AggregateNotFound('Feedback', duplicateId),
    );
    expect(() => decideUnmerge(unmerge(), state(mergedDuplicate), state([]))).toThrow(
      new AggregateNotFound('Feedback', survivorId),
    );
  });
});
