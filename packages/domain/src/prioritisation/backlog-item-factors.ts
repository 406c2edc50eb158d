import type { BacklogItem } from '../backlog/backlog-item';
import type { BacklogItemEvent } from '../backlog/backlog.events';
import { isStaff, type Actor } from '../shared/actor';
import { ActionForbidden, AggregateNotFound, DomainRuleViolation } from '../shared/errors';
import { manualFactorKeys, type Scoring } from './scoring';

export type SetBacklogItemFactors = {
  type: 'SetBacklogItemFactors';
  itemId: string;
  /** Hand-set values by factor key; keys not named keep their values. */
  factors: Readonly<Record<string, number>>;
  actor: Actor;
};

/**
 * Sets an item's hand-set factor values (impact, confidence, effort, …) on the item's stream.
 * `scoring` is the workspace's models, folded by the caller: a key must be a hand-set factor of
 * one of them, since live factors are counted from demand.
 */
export const decideSetBacklogItemFactors = (
  command: SetBacklogItemFactors,
  item: BacklogItem,
  scoring: Scoring,
): BacklogItemEvent[] => {
  if (!isStaff(command.actor)) {
    throw new ActionForbidden('Only a teammate can score backlog items.');
  }
  if (!item.exists) throw new AggregateNotFound('Backlog item', command.itemId);
  const entries = Object.entries(command.factors);
  if (entries.length === 0) {
    throw new DomainRuleViolation('Give a value for at least one factor.', 'factors');
  }
  const manual = manualFactorKeys(scoring);
  const live = new Set(
    scoring.models.flatMap((m) =>
      m.factors.filter((f) => f.source.kind !== 'manual').map((f) => f.key),
    ),
  );
  for (const [key, value] of entries) {
    if (!manual.has(key)) {
      throw new DomainRuleViolation(
        live.has(key)
          ? `"${key}" is counted from the demand of the linked feedback; it cannot be set by hand.`
          : `There is no hand-set factor "${key}"; the hand-set factors are ${[...manual].join(', ')}.`,
        `factors.${key}`,
      );
    }
    if (!Number.isFinite(value)) {
      throw new DomainRuleViolation(
        `The value of "${key}" must be a finite number.`,
        `factors.${key}`,
      );
    }
  }
  const changed = Object.fromEntries(entries.filter(([key, value]) => item.factors[key] !== value));
  if (Object.keys(changed).length === 0) return [];
  return [
    {
      type: 'BacklogItemFactorsSet',
      data: { itemId: item.itemId, factors: changed, by: command.actor.id },
    },
  ];
};
