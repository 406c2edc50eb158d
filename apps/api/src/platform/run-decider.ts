import type { EntityManager } from 'typeorm';
import { fold, type Decider } from '@chorus/domain';
import {
  ConcurrencyConflict,
  type CommandContext,
  type PostgresEventStore,
  type StoredEvent,
} from '@chorus/event-store';
import { preconditionFailed } from './problem-details';

type DomainEvent = { type: string; data: unknown };

export const asDomainEvent = <E extends DomainEvent>(event: StoredEvent): E =>
  ({ type: event.type, data: event.data }) as E;

export type DecisionResult<E, S> = { version: number; events: E[]; state: S };

/**
 * Reads a stream, folds it, decides and appends at the version read.
 * With `expectedVersion` (from If-Match) a stream that moved on is a 412. Without it, a racing
 * writer makes us decide again on the fresh state: the decider re-checks every rule, so no
 * update is lost and none is applied against stale state.
 */
export const decideAndAppend = async <C, E extends DomainEvent, S>(
  store: PostgresEventStore,
  decider: Decider<C, E, S>,
  streamId: string,
  command: C,
  context: CommandContext,
  options: { expectedVersion?: number; retries?: number; manager?: EntityManager } = {},
): Promise<DecisionResult<E, S>> => {
  const retries = options.retries ?? 3;
  for (let attempt = 0; ; attempt++) {
    const stored = await store.readStream(streamId, {
      workspaceId: context.workspaceId,
      manager: options.manager,
    });
    const version = stored.length;
    // An empty stream falls through to the decider, which says the aggregate does not exist.
    if (
      options.expectedVersion !== undefined &&
      version > 0 &&
      options.expectedVersion !== version
    ) {
      throw preconditionFailed(
        `You read version ${options.expectedVersion}, but it is now at version ${version}. Reload it and apply your change again.`,
      );
    }
    const state = fold(
      decider,
      stored.map((e) => asDomainEvent<E>(e)),
    );
    const events = decider.decide(command, state);
    try {
      const { nextVersion } = await store.append(
        streamId,
        version,
        events,
        context,
        options.manager,
      );
      return { version: nextVersion, events, state: events.reduce(decider.evolve, state) };
    } catch (error) {
      if (!(error instanceof ConcurrencyConflict)) throw error;
      if (options.expectedVersion !== undefined) {
        throw preconditionFailed(
          'Someone else changed it a moment ago. Reload it and apply your change again.',
        );
      }
      if (attempt >= retries) throw error;
    }
  }
};
