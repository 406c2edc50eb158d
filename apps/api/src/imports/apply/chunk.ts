import type { EntityManager } from 'typeorm';
import type { CommandContext, NewEvent, PostgresEventStore } from '@chorus/event-store';
import { asDomainEvent } from '../../platform/run-decider';

export type DomainEvent = { type: string; data: unknown };

type Append = {
  streamId: string;
  expectedVersion: number;
  events: NewEvent[];
  occurredAt: string | null;
};

/**
 * The streams one chunk of an import reads and the events it decides, appended together in the
 * chunk's transaction. A dry run appends nothing: what it decided is kept in `pending` (by stream)
 * instead, so the next chunks decide as if it had been appended.
 */
export class Chunk {
  private readonly streams = new Map<string, DomainEvent[]>();
  private readonly versions = new Map<string, number>();
  private readonly appends: Append[] = [];

  constructor(
    private readonly store: PostgresEventStore,
    private readonly tx: EntityManager,
    private readonly workspaceId: string,
    private readonly pending: ReadonlyMap<string, readonly DomainEvent[]>,
  ) {}

  /** Reads the streams not read yet, in one round trip. */
  async load(streamIds: Iterable<string>): Promise<void> {
    const missing = [...new Set(streamIds)].filter((id) => !this.streams.has(id));
    if (missing.length === 0) return;
    const read = await this.store.readStreams(missing, {
      workspaceId: this.workspaceId,
      manager: this.tx,
    });
    for (const id of missing) {
      const stored = (read.get(id) ?? []).map((e) => asDomainEvent<DomainEvent>(e));
      this.versions.set(id, stored.length);
      this.streams.set(id, [...stored, ...(this.pending.get(id) ?? [])]);
    }
  }

  /** A loaded stream's events, those decided in this chunk included. */
  events<E extends DomainEvent>(streamId: string): E[] {
    const events = this.streams.get(streamId);
    if (!events) throw new Error(`Stream ${streamId} was not loaded`);
    return events as E[];
  }

  exists(streamId: string): boolean {
    return this.events(streamId).length > 0;
  }

  /** Events decided for a stream, to append when it happened (`occurredAt`, or now). */
  record(streamId: string, events: readonly DomainEvent[], occurredAt: string | null): void {
    if (events.length === 0) return;
    const version = this.versions.get(streamId);
    if (version === undefined) throw new Error(`Stream ${streamId} was not loaded`);
    this.streams.get(streamId)!.push(...events);
    this.appends.push({ streamId, expectedVersion: version, events: [...events], occurredAt });
    this.versions.set(streamId, version + events.length);
  }

  /**
   * Appends in the order decided, not sorted by stream: a vote's ballot must land after the
   * feedback it is cast on, or the projections would meet a vote on feedback they do not know.
   */
  async appendAll(context: Omit<CommandContext, 'occurredAt'>): Promise<boolean> {
    for (const append of this.appends) {
      await this.store.append(
        append.streamId,
        append.expectedVersion,
        append.events,
        append.occurredAt === null ? context : { ...context, occurredAt: append.occurredAt },
        this.tx,
      );
    }
    return this.appends.length > 0;
  }

  /** What a dry run keeps of this chunk: the events it would have appended, by stream. */
  decided(): Map<string, DomainEvent[]> {
    const byStream = new Map<string, DomainEvent[]>();
    for (const { streamId, events } of this.appends) {
      byStream.set(streamId, [...(byStream.get(streamId) ?? []), ...events]);
    }
    return byStream;
  }
}
