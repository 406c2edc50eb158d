/**
 * A Chorus event consumer to copy and adapt: a kafkajs consumer in its own consumer group reads
 * Chorus's CloudEvents (Kafka binary mode) from a topic, skips redeliveries by event id and hands
 * each event, typed by its CloudEvent type, to your handler.
 *
 * Contracts: packages/contracts/asyncapi.yaml and packages/contracts/schemas/<ce_type>.json;
 * the guide is docs/events.md. This file depends only on `kafkajs` and `cloudevents`.
 */
import { CloudEvent, Kafka as CloudEventsKafka, type KafkaMessage } from 'cloudevents';
import { Kafka, logLevel, type IHeaders, type KafkaMessage as RawRecord } from 'kafkajs';

// ---------------------------------------------------------------------------------------------
// The data of each CloudEvent type on `chorus.feedback.v1`, written from the JSON Schemas in
// packages/contracts/schemas (a generator such as json-schema-to-typescript can do it for you).
// A new schema version is a new type (`…v2`) with its own schema: add it here when you support it,
// and keep the old one as long as old events can still be on the topic (retention).
//
// Only the types this example handles are listed. The others on `chorus.feedback.v1` (tagged,
// approved, marked-spam, comment-posted, followed, …) and those on `chorus.catalog.v1` and
// `chorus.customer.v1` reach `onUnknownEvent` until you add them here.
// ---------------------------------------------------------------------------------------------

/** The six statuses of the fixed default workflow, which `status-changed.v1` speaks of. */
export type DefaultFeedbackStatus =
  'open' | 'under_review' | 'planned' | 'in_progress' | 'done' | 'declined';

/**
 * A status id of the workspace's own workflow (`^[a-z0-9][a-z0-9_-]{0,63}$`), from v2 on. The six
 * default ids above still exist; a workspace may add its own (see `chorus.catalog.v1`).
 */
export type FeedbackStatusId = string;

/** What a status means: `open` and `active` accept votes, `done` and `closed` do not. */
export type StatusKind = 'open' | 'active' | 'done' | 'closed';

/** Where feedback or a vote came from. */
export type FeedbackSource =
  'app' | 'sales_call' | 'support_ticket' | 'slack' | 'email' | 'api' | 'import';

type FeedbackSubmittedV1 = {
  feedbackId: string;
  title: string;
  description: string;
  boardId: string;
  authorId: string;
};

type VoteCastV1 = { feedbackId: string; voterId: string };

export type ChorusEventData = {
  /** Before custom workflows: no longer published for new items, still on the topic. */
  'com.chorus.feedback.submitted.v1': FeedbackSubmittedV1;
  'com.chorus.feedback.submitted.v2': FeedbackSubmittedV1 & {
    /** Where it starts in the workspace's workflow. */
    statusId: FeedbackStatusId;
    /** `pending` on a board that requires approval (then it takes no votes until approved). */
    moderation: 'approved' | 'pending' | 'rejected';
    source: FeedbackSource;
    /** The teammate who captured it for a customer (`authorId` is then the customer), or null. */
    capturedBy: string | null;
    /** The customer's own words, when captured. */
    quote: string | null;
    /** One of its board's categories, or null. */
    categoryId: string | null;
  };
  'com.chorus.feedback.edited.v1': {
    feedbackId: string;
    title?: string;
    description?: string;
    boardId?: string;
    editedBy: string;
  };
  /** In the fixed default workflow: no longer published, still on the topic. */
  'com.chorus.feedback.status-changed.v1': {
    feedbackId: string;
    from: DefaultFeedbackStatus;
    to: DefaultFeedbackStatus;
    changedBy: string;
  };
  'com.chorus.feedback.status-changed.v2': {
    feedbackId: string;
    from: FeedbackStatusId;
    to: FeedbackStatusId;
    /** What `to` meant when it moved: whether voting stays open. */
    toKind: StatusKind;
    changedBy: string;
  };
  /** This item (the duplicate) was merged into `intoId`: it takes no votes, its votes count there. */
  'com.chorus.feedback.merged.v1': { feedbackId: string; by: string; intoId: string };
  /** This item (the survivor) absorbed `duplicateId`: it counts the duplicate's voters too. */
  'com.chorus.feedback.duplicate-absorbed.v1': {
    feedbackId: string;
    by: string;
    duplicateId: string;
  };
  /** This item (the duplicate) was unmerged from `fromId`: it stands alone again. */
  'com.chorus.feedback.unmerged.v1': { feedbackId: string; by: string; fromId: string };
  /** This item (the survivor) no longer holds `duplicateId`. */
  'com.chorus.feedback.duplicate-released.v1': {
    feedbackId: string;
    by: string;
    duplicateId: string;
  };
  /** Before on-behalf votes. */
  'com.chorus.feedback.vote-cast.v1': VoteCastV1;
  'com.chorus.feedback.vote-cast.v2': VoteCastV1 & {
    source: FeedbackSource;
    /** The teammate who recorded a customer's vote (`voterId` is then the customer), or null. */
    capturedBy: string | null;
    quote: string | null;
  };
  'com.chorus.feedback.vote-withdrawn.v1': { feedbackId: string; voterId: string };
};

export type KnownEventType = keyof ChorusEventData;

/**
 * The types `onEvent` receives. `satisfies Record<KnownEventType, true>` makes the compiler fail
 * when a type is added to ChorusEventData but not here (or the other way round).
 */
const knownEventTypes = new Set<string>(
  Object.keys({
    'com.chorus.feedback.submitted.v1': true,
    'com.chorus.feedback.submitted.v2': true,
    'com.chorus.feedback.edited.v1': true,
    'com.chorus.feedback.status-changed.v1': true,
    'com.chorus.feedback.status-changed.v2': true,
    'com.chorus.feedback.merged.v1': true,
    'com.chorus.feedback.duplicate-absorbed.v1': true,
    'com.chorus.feedback.unmerged.v1': true,
    'com.chorus.feedback.duplicate-released.v1': true,
    'com.chorus.feedback.vote-cast.v1': true,
    'com.chorus.feedback.vote-cast.v2': true,
    'com.chorus.feedback.vote-withdrawn.v1': true,
  } satisfies Record<KnownEventType, true>),
);

/** The CloudEvents envelope plus Chorus's extensions, read from the record's `ce_*` headers. */
export type Envelope = {
  /** `ce_id`: unique per event, the same on every redelivery. */
  id: string;
  /** `ce_source`, e.g. `/chorus/feedback`. */
  source: string;
  /**
   * `ce_subject`: the stream, e.g. `feedback-<id>`, `ballot-<feedbackId>-<voterId>`,
   * `comment-<commentId>` or `follow-<feedbackId>-<personId>`.
   */
  subject: string;
  /** `ce_time`: when it happened (ISO 8601). */
  time: string;
  /**
   * The `$id` of the data's JSON Schema, derived from the type (Chorus sends no `ce_dataschema`):
   * `https://chorus.dev/schemas/<type>.json`, the file packages/contracts/schemas/<type>.json.
   */
  dataschema: string;
  /** `ce_workspaceid` (extension): the workspace (tenant). */
  workspaceId: string;
  /** `ce_sequence` (extension): the event's version in its stream, 1, 2, 3, … */
  sequence: number;
  /** `ce_correlationid` (extension): shared by the events of one request. */
  correlationId: string;
  /**
   * The record key: the partition key. The feedback's stream id, for votes, comments and follows
   * too, so everything about one item is in one partition, in order. A merge touches two items:
   * `merged` (on the duplicate) and `duplicate-absorbed` (on the survivor) may arrive in either
   * order.
   */
  partitionKey: string;
  /** Where the record was read: for logs and for your own offset bookkeeping. */
  topic: string;
  partition: number;
  offset: string;
};

/** An event of a type this consumer knows, with its data typed by its CloudEvent type. */
export type ChorusEvent = {
  [T in KnownEventType]: Envelope & { type: T; data: ChorusEventData[T] };
}[KnownEventType];

/** An event of a type this consumer does not know (yet): a newer version, a new event type. */
export type UnknownEvent = Envelope & { type: string; data: unknown };

export type ConsumerOptions = {
  /** e.g. `['127.0.0.1:9092']`. */
  brokers: string[];
  /** Your own consumer group: never share one with another application. */
  groupId: string;
  /** e.g. `chorus.feedback.v1`. */
  topic: string;
  /** Called once per event (redeliveries skipped), in partition order. Throw to have it retried. */
  onEvent: (event: ChorusEvent) => void | Promise<void>;
  /** Events of types this consumer does not know. Default: log and skip. */
  onUnknownEvent?: (event: UnknownEvent) => void | Promise<void>;
  /** Records that are not readable CloudEvents. Default: log and skip. */
  onUnreadableRecord?: (problem: UnreadableRecord) => void | Promise<void>;
  /** Start at the beginning of the topic when the group has no committed offsets. Default true. */
  fromBeginning?: boolean;
  clientId?: string;
  /** How many event ids to remember for deduplication. Default 100 000. */
  dedupCapacity?: number;
};

export type UnreadableRecord = {
  reason: string;
  topic: string;
  partition: number;
  offset: string;
};

export type RunningConsumer = {
  /** Leaves the group and disconnects. */
  stop: () => Promise<void>;
  /** How many redeliveries were skipped so far. */
  duplicatesSkipped: () => number;
};

/**
 * Remembers the last `capacity` event ids, in memory.
 *
 * That makes deduplication best-effort: it covers redeliveries within one process's lifetime
 * (a rebalance, a producer retry) but forgets everything on restart. In production, record the
 * ids you handled where your side effects live (e.g. a `processed_events` table written in the
 * same transaction as your change) and check there instead.
 */
export class SeenIds {
  private readonly ids = new Set<string>();

  constructor(private readonly capacity: number) {}

  /** True the first time an id is offered, false on every later time. */
  firstTime(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    if (this.ids.size > this.capacity) {
      // A Set iterates in insertion order: the first entry is the oldest.
      const oldest = this.ids.values().next().value as string;
      this.ids.delete(oldest);
    }
    return true;
  }

  /** Forgets an id, e.g. when handling it failed and it should be handled when redelivered. */
  forget(id: string): void {
    this.ids.delete(id);
  }
}

const headerText = (value: IHeaders[string]): string | undefined => {
  if (value === undefined) return undefined;
  const last = Array.isArray(value) ? value[value.length - 1] : value;
  return last === undefined ? undefined : last.toString();
};

/** kafkajs gives Buffers; the CloudEvents Kafka binding wants `{ key, value, headers }` as text. */
export const toCloudEventMessage = (record: RawRecord): KafkaMessage<string> => {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(record.headers ?? {})) {
    const text = headerText(value);
    if (text !== undefined) headers[name] = text;
  }
  const value = record.value?.toString('utf8') ?? '';
  return {
    key: record.key?.toString('utf8') ?? '',
    value,
    body: value,
    headers,
    timestamp: record.timestamp,
  };
};

/** The `$id` of the JSON Schema of a CloudEvent type's data. */
export const schemaIdOf = (type: string): string => `https://chorus.dev/schemas/${type}.json`;

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.length > 0 ? value : undefined;

/**
 * Reads one record as a Chorus CloudEvent. Throws (with a reason) when it is not one: no
 * CloudEvent headers, an invalid envelope, or a missing Chorus extension.
 */
export const readRecord = (
  record: RawRecord,
  position: { topic: string; partition: number },
): ChorusEvent | UnknownEvent => {
  const message = toCloudEventMessage(record);
  if (!CloudEventsKafka.isEvent(message)) throw new Error('The record is not a CloudEvent.');
  const parsed = CloudEventsKafka.toEvent(message);
  if (Array.isArray(parsed)) throw new Error('Batched CloudEvents are not published by Chorus.');
  const event = parsed instanceof CloudEvent ? parsed : new CloudEvent(parsed, false);
  event.validate(); // CloudEvents 1.0 rules: id, source, type, specversion, time…

  const workspaceId = text(event.workspaceid);
  const sequence = Number(event.sequence);
  const correlationId = text(event.correlationid);
  if (!event.subject || !event.time || !workspaceId || !correlationId) {
    throw new Error(`CloudEvent ${event.id} lacks a Chorus attribute (subject, time, …).`);
  }
  if (!Number.isInteger(sequence) || sequence < 1) {
    throw new Error(`CloudEvent ${event.id} has no valid ce_sequence.`);
  }
  return {
    type: event.type,
    data: event.data,
    id: event.id,
    source: event.source,
    subject: event.subject,
    time: event.time,
    dataschema: schemaIdOf(event.type),
    workspaceId,
    sequence,
    correlationId,
    partitionKey: message.key.toString(),
    topic: position.topic,
    partition: position.partition,
    offset: record.offset,
  };
};

export const isKnownEvent = (event: ChorusEvent | UnknownEvent): event is ChorusEvent =>
  knownEventTypes.has(event.type);

/**
 * Connects, joins `groupId`, subscribes to `topic` and runs until `stop()`.
 *
 * Delivery is at least once: kafkajs commits a record's offset only after `onEvent` returned,
 * so a crash or rebalance redelivers the records since the last commit. Redeliveries are
 * skipped by `ce_id` (in memory, see SeenIds). If `onEvent` throws, the record is not committed
 * and kafkajs retries it; an event is remembered as seen only once it was handled.
 */
export const startConsumer = async (options: ConsumerOptions): Promise<RunningConsumer> => {
  const kafka = new Kafka({
    clientId: options.clientId ?? options.groupId,
    brokers: options.brokers,
    logLevel: logLevel.WARN,
  });
  const consumer = kafka.consumer({ groupId: options.groupId });
  const seen = new SeenIds(options.dedupCapacity ?? 100_000);
  let duplicates = 0;
  const onUnknownEvent =
    options.onUnknownEvent ??
    ((event: UnknownEvent) =>
      console.warn(`skipping ${event.type} ${event.id}: not a type this consumer knows`));
  const onUnreadableRecord =
    options.onUnreadableRecord ??
    ((problem: UnreadableRecord) =>
      console.warn(
        `skipping unreadable record ${problem.topic}/${problem.partition}@${problem.offset}: ${problem.reason}`,
      ));

  await consumer.connect();
  try {
    await consumer.subscribe({
      topic: options.topic,
      fromBeginning: options.fromBeginning ?? true,
    });
    await consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        let event: ChorusEvent | UnknownEvent;
        try {
          event = readRecord(message, { topic, partition });
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          await onUnreadableRecord({ reason, topic, partition, offset: message.offset });
          return;
        }
        // A handled id is skipped; an id whose handler threw is not remembered, so it is retried.
        if (!seen.firstTime(event.id)) {
          duplicates += 1;
          return;
        }
        try {
          if (isKnownEvent(event)) await options.onEvent(event);
          else await onUnknownEvent(event);
        } catch (error) {
          seen.forget(event.id);
          throw error;
        }
      },
    });
  } catch (error) {
    await consumer.disconnect();
    throw error;
  }
  return {
    stop: () => consumer.disconnect(),
    duplicatesSkipped: () => duplicates,
  };
};
