import { Kafka, logLevel, type Admin, type Producer, type logCreator } from 'kafkajs';
import { boundedContexts, deadLetterTopic, topicFor } from './cloud-event-record';

/** kafkajs logs a routine rebalance as an error; everything else at error level is kept. */
const quietRebalances: logCreator =
  () =>
  ({ log }) => {
    if (/rebalanc/i.test(`${log.message} ${String(log.error ?? '')}`)) return;
    console.error(JSON.stringify({ logger: 'kafkajs', ...log }));
  };

/**
 * The one place that knows the Kafka client library (kafkajs 2.2.4, unmaintained but speaking
 * protocol versions Kafka 4 still serves): swap it here.
 */
export const createKafka = (brokers: string, clientId: string): Kafka =>
  new Kafka({
    clientId,
    brokers: brokers
      .split(',')
      .map((b) => b.trim())
      .filter(Boolean),
    logLevel: logLevel.ERROR,
    logCreator: quietRebalances,
    retry: { initialRetryTime: 200, retries: 8 },
  });

/** The relay publishes at most this many events per request (see ADR 8). */
export const RELAY_BATCH_SIZE = 2000;
const RELAY_MAX_BATCH_BYTES = 8 * 1024 * 1024;

export type TopicSettings = { partitions: number; retentionMs: number };

export const topicSettingsFromEnv = (env: NodeJS.ProcessEnv = process.env): TopicSettings => ({
  partitions: Number(env.CHORUS_KAFKA_PARTITIONS ?? 6),
  retentionMs: Number(env.CHORUS_KAFKA_RETENTION_MS ?? 30 * 24 * 3600 * 1000),
});

/** Creates the topics that do not exist yet, with the configured partitions and retention. */
export const ensureTopics = async (
  admin: Admin,
  topics: readonly string[],
  settings: TopicSettings,
) => {
  const existing = new Set(await admin.listTopics());
  const missing = topics.filter((t) => !existing.has(t));
  if (missing.length === 0) return;
  await admin.createTopics({
    waitForLeaders: true,
    topics: missing.map((topic) => ({
      topic,
      numPartitions: settings.partitions,
      replicationFactor: -1,
      configEntries: [
        { name: 'retention.ms', value: String(settings.retentionMs) },
        // A relay batch may land in one partition (a burst of votes on one item): allow 8 MB.
        { name: 'max.message.bytes', value: String(RELAY_MAX_BATCH_BYTES) },
      ],
    })),
  });
};

/**
 * Makes sure every Chorus topic (one per bounded context, and the dead-letter topic) exists, and
 * returns a connected idempotent producer (acks=all is set per send).
 */
export const prepareKafkaTransport = async (
  kafka: Kafka,
  { topicPrefix, settings }: { topicPrefix?: string; settings: TopicSettings },
): Promise<Producer> => {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await ensureTopics(
      admin,
      [...boundedContexts.map((c) => topicFor(c, topicPrefix)), deadLetterTopic(topicPrefix)],
      settings,
    );
  } finally {
    await admin.disconnect();
  }
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  return producer;
};
