import { chorusEvents, isSealed, personalData, type EventMetadata } from '@chorus/domain';
import type { StoredEvent } from '../event-store';

/**
 * How Chorus events travel on Kafka: CloudEvents 1.0 in binary mode. The record value is the
 * event's data as JSON; the envelope is in `ce_*` headers. One topic per bounded context.
 */

const CONTEXT_OF_STREAM_TYPE: Record<string, string> = {
  workspace: 'workspace',
  // The stream type is what comes before the first dash: `api-keys-<workspaceId>`.
  api: 'workspace',
  person: 'workspace',
  webhook: 'workspace',
  feedback: 'feedback',
  ballot: 'feedback',
  comment: 'feedback',
  follow: 'feedback',
  catalog: 'catalog',
  customer: 'customer',
  company: 'customer',
  backlog: 'planning',
  sprint: 'planning',
  scoring: 'planning',
  initiative: 'roadmap',
  release: 'roadmap',
  notifications: 'notifications',
  notification: 'notifications',
};

export const boundedContextOf = (streamType: string): string => {
  const context = CONTEXT_OF_STREAM_TYPE[streamType];
  if (!context) throw new Error(`No bounded context is mapped for stream type "${streamType}".`);
  return context;
};

export const boundedContexts = [...new Set(Object.values(CONTEXT_OF_STREAM_TYPE))];

export const topicFor = (context: string, prefix = 'chorus'): string => `${prefix}.${context}.v1`;

export const deadLetterTopic = (prefix = 'chorus'): string => `${prefix}.dead-letter.v1`;

const kebab = (pascal: string): string => pascal.replace(/(?<!^)([A-Z])/g, '-$1').toLowerCase();

const cloudEventTypes = new Map<string, string>();

/** `FeedbackSubmitted` v1 in the feedback context → `com.chorus.feedback.submitted.v1`. */
export const cloudEventTypeOf = (type: string, schemaVersion: number, context: string): string => {
  // Memoised: the relay asks once per event, and there are only a handful of types.
  const key = `${context}/${type}/${schemaVersion}`;
  const known = cloudEventTypes.get(key);
  if (known) return known;
  const prefix = context.charAt(0).toUpperCase() + context.slice(1);
  const name = type.startsWith(prefix) && type !== prefix ? type.slice(prefix.length) : type;
  const cloudEventType = `com.chorus.${context}.${kebab(name)}.v${schemaVersion}`;
  cloudEventTypes.set(key, cloudEventType);
  return cloudEventType;
};

/** Every published CloudEvent type, with the event type and schema version behind it. */
export const publishedEventTypes = (): {
  cloudEventType: string;
  type: string;
  schemaVersion: number;
  context: string;
}[] =>
  chorusEvents.definitions.map((definition) => {
    const context = contextOfEventType(definition.type);
    return {
      cloudEventType: cloudEventTypeOf(definition.type, definition.schemaVersion, context),
      type: definition.type,
      schemaVersion: definition.schemaVersion,
      context,
    };
  });

const contextOfEventType = (type: string): string => {
  if (/^(Workspace|ApiKey|Webhook)/.test(type)) return 'workspace';
  // Before the feedback rule: FeedbackLinkedToBacklogItem is a backlog item's event.
  if (/^(Backlog|Acceptance|Sprint|ScoringModel)|BacklogItem$/.test(type)) return 'planning';
  if (/^(Initiative|Release|Changelog)/.test(type)) return 'roadmap';
  if (type === 'PersonNotified' || type.startsWith('Notification')) return 'notifications';
  if (type.startsWith('Person')) return 'workspace';
  if (/^(Board|Category|Tag|Status)/.test(type)) return 'catalog';
  if (type.startsWith('Customer') || type.startsWith('Company')) return 'customer';
  if (type.startsWith('Feedback') || type.startsWith('Vote') || type.startsWith('Comment')) {
    return 'feedback';
  }
  throw new Error(`No bounded context is mapped for event type "${type}".`);
};

/**
 * The partition key. Ballots, comments and follows belong to their feedback item: keying them by
 * the feedback's stream puts an item's submission and everything about it in one partition, in
 * log order, so consumers never see a vote or a comment before the feedback it is for. Every
 * stream still stays in order.
 */
export const partitionKeyOf = (
  event: Pick<StoredEvent, 'streamId' | 'streamType' | 'data'>,
): string => {
  const feedbackId = (event.data as { feedbackId?: unknown }).feedbackId;
  const aboutFeedback = ['ballot', 'comment', 'follow'].includes(event.streamType);
  return aboutFeedback && typeof feedbackId === 'string'
    ? `feedback-${feedbackId}`
    : event.streamId;
};

export type KafkaRecord = {
  topic: string;
  key: string;
  value: string;
  headers: Record<string, string>;
};

export const CLOUD_EVENT_SOURCE = '/chorus';

/**
 * The CloudEvents attributes of a stored event, whatever the mode: Kafka carries them as `ce_*`
 * headers (binary mode), webhooks in the JSON body (structured mode). Besides the required ones,
 * Chorus's extensions: lowercase alphanumerics, per the spec.
 */
export type CloudEventAttributes = {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  time: string;
  subject: string;
  workspaceid: string;
  /** The stream version, as a decimal string (the sequence extension's type). */
  sequence: string;
  correlationid: string;
};

export const cloudEventAttributesOf = (
  event: StoredEvent,
  context = boundedContextOf(event.streamType),
): CloudEventAttributes => ({
  specversion: '1.0',
  id: event.eventId,
  source: `${CLOUD_EVENT_SOURCE}/${context}`,
  type: cloudEventTypeOf(event.type, event.schemaVersion, context),
  time: event.metadata.occurredAt,
  subject: event.streamId,
  workspaceid: event.workspaceId,
  sequence: String(event.version),
  correlationid: event.metadata.correlationId,
});

export const toKafkaRecord = (event: StoredEvent, topicPrefix?: string): KafkaRecord => {
  const context = boundedContextOf(event.streamType);
  const attributes = cloudEventAttributesOf(event, context);
  // Every header costs the relay dearly (kafkajs encodes each one by hand): the data schema
  // follows from ce_type, so it is not sent.
  const headers: Record<string, string> = {
    ce_specversion: attributes.specversion,
    ce_id: attributes.id,
    ce_source: attributes.source,
    ce_type: attributes.type,
    ce_time: attributes.time,
    ce_subject: attributes.subject,
    ce_workspaceid: attributes.workspaceid,
    ce_sequence: attributes.sequence,
    ce_correlationid: attributes.correlationid,
    'content-type': 'application/json',
  };
  return {
    topic: topicFor(context, topicPrefix),
    key: partitionKeyOf(event),
    value: JSON.stringify(event.data),
    headers,
  };
};

export class UnreadableRecord extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'UnreadableRecord';
  }
}

const typeByCloudEventType = (): Map<string, { type: string; schemaVersion: number }> =>
  new Map(
    publishedEventTypes().map((t) => [
      t.cloudEventType,
      { type: t.type, schemaVersion: t.schemaVersion },
    ]),
  );

let eventTypesByCloudEventType: Map<string, { type: string; schemaVersion: number }> | null = null;

/** Reads a record back into the shape projections consume; throws UnreadableRecord if it cannot. */
/**
 * Checks a record's data against its schema with any sealed personal field standing in as its
 * erased value (a sealed string is no email), then gives the sealed values back for the reader
 * to open with their owners' keys.
 */
const parseWithSealedFields = (type: string, schemaVersion: number, raw: unknown): unknown => {
  const rule = personalData[type];
  if (!rule || typeof raw !== 'object' || raw === null) {
    return chorusEvents.parse(type, schemaVersion, raw);
  }
  const data = raw as Record<string, unknown>;
  const sealed = rule.fields.filter((field) => isSealed(data[field]));
  const standIns = rule.erased(data);
  const parsed = chorusEvents.parse(type, schemaVersion, {
    ...data,
    ...Object.fromEntries(sealed.map((field) => [field, standIns[field]])),
  }) as Record<string, unknown>;
  return { ...parsed, ...Object.fromEntries(sealed.map((field) => [field, data[field]])) };
};

export const fromKafkaRecord = (
  headers: Record<string, string | undefined>,
  value: string | null,
  position: { topic: string; partition: number; offset: string },
): StoredEvent => {
  eventTypesByCloudEventType ??= typeByCloudEventType();
  const ceType = headers.ce_type;
  const known = ceType ? eventTypesByCloudEventType.get(ceType) : undefined;
  if (!known) throw new UnreadableRecord(`Unknown CloudEvent type ${ceType ?? '(none)'}.`);
  const subject = headers.ce_subject;
  const id = headers.ce_id;
  const workspaceId = headers.ce_workspaceid;
  const time = headers.ce_time;
  const sequence = Number(headers.ce_sequence);
  if (!subject || !id || !workspaceId || !time || !Number.isInteger(sequence) || value === null) {
    throw new UnreadableRecord('The record lacks a CloudEvents header Chorus needs.');
  }
  let data: unknown;
  try {
    data = parseWithSealedFields(known.type, known.schemaVersion, JSON.parse(value));
  } catch (error) {
    throw new UnreadableRecord(`The data of ${ceType} does not match its schema: ${String(error)}`);
  }
  const metadata: EventMetadata = {
    workspaceId,
    actorId: '',
    correlationId: headers.ce_correlationid ?? '',
    causationId: null,
    occurredAt: time,
  };
  return {
    globalPosition: `${position.topic}/${position.partition}/${position.offset}`,
    transactionId: '0',
    streamId: subject,
    streamType: subject.slice(0, subject.indexOf('-')),
    version: sequence,
    eventId: id,
    type: known.type,
    schemaVersion: known.schemaVersion,
    workspaceId,
    data,
    metadata,
    recordedAt: time,
  };
};
