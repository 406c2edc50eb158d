import { evolveBacklogItem, initialBacklogItem, type BacklogItem } from '../backlog/backlog-item';
import type { BacklogItemEvent } from '../backlog/backlog.events';
import type { Actor } from '../shared/actor';
import { ActionForbidden, AggregateNotFound, DomainRuleViolation } from '../shared/errors';
import { decideSetBacklogItemFactors, type SetBacklogItemFactors } from './backlog-item-factors';
import { initialScoring } from './scoring';

const itemId = '5d2f7c1e-8a3b-4c6d-9e0f-1a2b3c4d5e6f';
const teammate: Actor = { id: 'user-teammate', role: 'teammate' };
const customer: Actor = { id: 'user-customer', role: 'customer' };

const created: BacklogItemEvent = {
  type: 'BacklogItemCreated',
  data: {
    itemId,
    kind: 'story',
    parentId: null,
    title: 'Export to CSV',
    description: '',
    acceptanceCriteria: [],
    estimate: null,
    labels: [],
    ownerId: null,
    rank: 'a0',
    createdBy: teammate.id,
  },
};
const factorsSet = (factors: Record<string, number>): BacklogItemEvent => ({
  type: 'BacklogItemFactorsSet',
  data: { itemId, factors, by: teammate.id },
});
const item = (...events: BacklogItemEvent[]): BacklogItem =>
  events.reduce(evolveBacklogItem, initialBacklogItem());

const set = (factors: Record<string, number>, actor: Actor = teammate): SetBacklogItemFactors => ({
  type: 'SetBacklogItemFactors',
  itemId,
  factors,
  actor,
});

const decide = (command: SetBacklogItemFactors, state: BacklogItem) =>
  decideSetBacklogItemFactors(command, state, initialScoring());

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

describe('SetBacklogItemFactors', () => {
  it("sets hand-set factors of any of the workspace's models", () =>
    expect(decide(set({ impact: 3, ease: 7 }), item(created))).toEqual([
      factorsSet({ impact: 3, ease: 7 }),
    ]));

  it('records only values that change, and nothing when none does', () => {
    const scored = item(created, factorsSet({ impact: 3, effort: 2 }));
    expect(decide(set({ impact: 3, effort: 5 }), scored)).toEqual([factorsSet({ effort: 5 })]);
    expect(decide(set({ impact: 3 }), scored)).toEqual([]);
  });

  it('folds into the item: a factor not named keeps its value', () => {
    const scored = item(created, factorsSet({ impact: 3, effort: 2 }), factorsSet({ effort: 5 }));
    expect(scored.exists && scored.factors).toEqual({ impact: 3, effort: 5 });
  });

  it('refuses an unknown factor, naming it', () => {
    const run = () => decide(set({ impact: 2, reech: 3 }), item(created));
    expect(fieldOf(run)).toBe('factors.reech');
    expect(run).toThrow(
      'There is no hand-set factor "reech"; the hand-set factors are impact, confidence, effort, ease, time_criticality, risk_reduction, job_size.',
    );
  });

  it('refuses to set a live factor by hand', () => {
    const run = () => decide(set({ reach: 100 }), item(created));
    expect(fieldOf(run)).toBe('factors.reach');
    expect(run).toThrow('"reach" is counted from the demand of the linked feedback');
  });

  it('refuses a value that is not a finite number', () =>
    expect(fieldOf(() => decide(set({ impact: Number.POSITIVE_INFINITY }), item(created)))).toBe(
      'factors.impact',
    ));

  it('needs at least one factor', () =>
    expect(fieldOf(() => decide(set({}), item(created)))).toBe('factors'));

  it('says a missing item does not exist', () =>
    expect(() => decide(set({ impact: 1 }), item())).toThrow(AggregateNotFound));

  it('is for teammates only', () =>
    expect(() => decide(set({ impact: 1 }, customer), item(created))).toThrow(ActionForbidden));
});
