import type { Consumer, EachBatchPayload, IHeaders, Kafka, KafkaMessage, Producer } from 'kafkajs';
import type { DataSource, EntityManager } from 'typeorm';
import type { StoredEvent } from '../event-store';
import { unsealPersonalData } from '../personal-data-vault';
import type { Projection } from '../projection-runner';
import { boundedContexts, deadLetterTopic, fromKafkaRecord, topicFor } from './cloud-event-record';

export type KafkaProjectionConsumerOptions = {
  kafka: Kafka;
  db: DataSource;
  /**
   * Where the keys of personal data are (the event store's database; `db` by default): records
   * carry it sealed, as stored, and projections get it opened — or erased.
   */
  personalDataKeys?: DataSource;
  projections: readonly Projection[];
  /** Sends dead letters; the caller owns its lifecycle. */
  producer: Producer;
  groupId?: string;
  topicPrefix?: string;
  onBatchApplied?: (projection: string, events: readonly StoredEvent[]) => void;
  onDeadLetter?: (projection: string, error: unknown) => void;
  /** The partitions this member got, per topic, after each rebalance. */
  onAssignment?: (assignment: Record<string, number[]>) => void;
};

type Delivered = { event: StoredEvent; message: KafkaMessage };

const headerText = (headers: IHeaders | undefined): Record<string, string> =>
  Object.fromEntries(
    Object.entries(headers ?? {}).flatMap(([name, value]) =>
      value === undefined ? [] : [[name, Array.isArray(value) ? String(value[0]) : String(value)]],
    ),
  );

/** Connection trouble is retried by redelivery; anything else about one event makes it poison. */
const isTransient = (error: unknown): boolean => {
  const code =
    (error as { code?: unknown; driverError?: { code?: unknown } })?.driverError?.code ??
    (error as { code?: unknown })?.code;
  return (
    typeof code === 'string' &&
    (code.startsWith('08') ||
      code.startsWith('57P') ||
      code.startsWith('53') ||
      code.startsWith('E'))
  );
};

/**
 * Feeds projections from Kafka in a consumer group: partitions are shared between workers and
 * move on rebalance. Each batch is applied per projection in one Postgres transaction that also
 * records the last version applied per stream, so redeliveries and relay duplicates are skipped
 * and the read models come out exactly as from the Postgres log. Offsets are committed to Kafka
 * only after that transaction.
 */
export class KafkaProjectionConsumer {
  private consumer: Consumer | null = null;

  constructor(private readonly options: KafkaProjectionConsumerOptions) {}

  async start(): Promise<void> {
    const { kafka, topicPrefix, groupId = 'chorus-projections' } = this.options;
    this.consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false });
    const { onAssignment } = this.options;
    if (onAssignment) {
      this.consumer.on(this.consumer.events.GROUP_JOIN, (event) =>
        onAssignment(event.payload.memberAssignment),
      );
    }
    await this.consumer.connect();
    await this.consumer.subscribe({
      topics: boundedContexts.map((context) => topicFor(context, topicPrefix)),
      fromBeginning: true,
    });
    await this.consumer.run({
      // Partitions are independent (an item and its votes share one), so several go at once.
      partitionsConsumedConcurrently: 4,
      eachBatch: (payload) => this.handleBatch(payload),
    });
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
    this.consumer = null;
  }

  private async handleBatch({ batch, heartbeat }: EachBatchPayload): Promise<void> {
    const delivered: Delivered[] = [];
    for (const message of batch.messages) {
      try {
        const event = fromKafkaRecord(
          headerText(message.headers),
          message.value?.toString('utf8') ?? null,
          {
            topic: batch.topic,
            partition: batch.partition,
            offset: message.offset,
          },
        );
        delivered.push({ event, message });
      } catch (error) {
        await this.deadLetter('(decode)', batch.topic, batch.partition, message, error);
      }
    }
    if (delivered.length === 0) return;
    const opened = await unsealPersonalData(
      this.options.personalDataKeys ?? this.options.db,
      delivered.map((d) => d.event),
    );
    opened.forEach((event, i) => {
      delivered[i]!.event = event;
    });
    try {
      // The usual case: every projection's share of the batch in one transaction.
      const applied = await this.options.db.transaction(async (tx) => {
        const byProjection: [string, StoredEvent[]][] = [];
        for (const projection of this.options.projections) {
          const relevant = delivered.filter((d) => projection.handles.has(d.event.type));
          if (relevant.length === 0) continue;
          byProjection.push([
            projection.name,
            await applyUnseen(
              tx,
              projection,
              relevant.map((d) => d.event),
            ),
          ]);
        }
        return byProjection;
      });
      for (const [projection, events] of applied) {
        if (events.length > 0) this.options.onBatchApplied?.(projection, events);
      }
      return;
    } catch (error) {
      if (isTransient(error)) throw error;
    }
    for (const projection of this.options.projections) {
      await this.applyToProjection(projection, batch.topic, batch.partition, delivered);
      await heartbeat();
    }
  }

  private async applyToProjection(
    projection: Projection,
    topic: string,
    partition: number,
    delivered: readonly Delivered[],
  ): Promise<void> {
    const relevant = delivered.filter((d) => projection.handles.has(d.event.type));
    if (relevant.length === 0) return;
    try {
      const applied = await this.options.db.transaction((tx) =>
        applyUnseen(
          tx,
          projection,
          relevant.map((d) => d.event),
        ),
      );
      if (applied.length > 0) this.options.onBatchApplied?.(projection.name, applied);
      return;
    } catch (error) {
      if (isTransient(error)) throw error;
    }
    // Something in the batch cannot be applied: find it, one event at a time.
    for (const { event, message } of relevant) {
      try {
        const applied = await this.options.db.transaction((tx) =>
          applyUnseen(tx, projection, [event]),
        );
        if (applied.length > 0) this.options.onBatchApplied?.(projection.name, applied);
      } catch (error) {
        if (isTransient(error)) throw error;
        await this.deadLetter(projection.name, topic, partition, message, error);
        await this.options.db.transaction((tx) => markSeen(tx, projection.name, [event]));
      }
    }
  }

  private async deadLetter(
    projection: string,
    topic: string,
    partition: number,
    message: KafkaMessage,
    error: unknown,
  ): Promise<void> {
    await this.options.producer.send({
      topic: deadLetterTopic(this.options.topicPrefix),
      acks: -1,
      messages: [
        {
          key: message.key,
          value: message.value,
          headers: {
            ...headerText(message.headers),
            chorus_error: error instanceof Error ? error.message : String(error),
            chorus_projection: projection,
            chorus_original_topic: topic,
            chorus_original_partition: String(partition),
            chorus_original_offset: message.offset,
          },
        },
      ],
    });
    this.options.onDeadLetter?.(projection, error);
  }
}

/** Locks the per-stream versions of this batch's streams and returns the events not yet applied. */
const lockUnseen = async (
  tx: EntityManager,
  projection: string,
  events: readonly StoredEvent[],
): Promise<{ fresh: StoredEvent[]; latest: Map<string, number> }> => {
  const streamIds = [...new Set(events.map((e) => e.streamId))];
  await tx.query('SET LOCAL synchronous_commit = off');
  await tx.query(
    `INSERT INTO projection_stream_versions (projection, stream_id, version)
     SELECT $1, unnest($2::text[]), 0 ON CONFLICT DO NOTHING`,
    [projection, streamIds],
  );
  const rows = await tx.query<{ stream_id: string; version: number }[]>(
    `SELECT stream_id, version FROM projection_stream_versions
     WHERE projection = $1 AND stream_id = ANY($2) FOR UPDATE`,
    [projection, streamIds],
  );
  const latest = new Map(rows.map((r) => [r.stream_id, r.version]));
  const fresh = events.filter((event) => {
    if (event.version <= (latest.get(event.streamId) ?? 0)) return false;
    latest.set(event.streamId, event.version);
    return true;
  });
  return { fresh, latest };
};

const saveVersions = (tx: EntityManager, projection: string, latest: Map<string, number>) =>
  tx.query(
    `UPDATE projection_stream_versions p SET version = s.version
     FROM jsonb_to_recordset($2::jsonb) AS s(stream_id text, version int)
     WHERE p.projection = $1 AND p.stream_id = s.stream_id AND p.version < s.version`,
    [
      projection,
      JSON.stringify([...latest].map(([stream_id, version]) => ({ stream_id, version }))),
    ],
  );

const applyUnseen = async (
  tx: EntityManager,
  projection: Projection,
  events: readonly StoredEvent[],
): Promise<StoredEvent[]> => {
  const { fresh, latest } = await lockUnseen(tx, projection.name, events);
  if (fresh.length > 0) await projection.applyBatch(tx, fresh);
  await saveVersions(tx, projection.name, latest);
  return fresh;
};

/** A dead-lettered event counts as seen, so the projection moves past it. */
const markSeen = async (tx: EntityManager, projection: string, events: readonly StoredEvent[]) => {
  const { latest } = await lockUnseen(tx, projection, events);
  await saveVersions(tx, projection, latest);
};
