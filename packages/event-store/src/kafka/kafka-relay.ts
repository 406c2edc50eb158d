import type { Producer } from 'kafkajs';
import type { Projection } from '../projection-runner';
import type { StoredEvent } from '../event-store';
import { chorusEvents } from '@chorus/domain';
import { toKafkaRecord } from './cloud-event-record';

/**
 * Publishes the Postgres log to Kafka. It runs as a projection named `kafka_relay`: the runner
 * locks its checkpoint, reads a batch in log order, and `applyBatch` returns only once the broker
 * has acknowledged every record (acks=all, idempotent producer); then the checkpoint moves. A
 * crash in between publishes the batch again: at least once, never lost.
 */
export const kafkaRelay = (producer: Producer, topicPrefix?: string): Projection => ({
  name: 'kafka_relay',
  tables: [],
  handles: new Set(chorusEvents.definitions.map((d) => d.type)),
  // Personal data leaves Chorus sealed: a subscriber never holds what erasure must destroy.
  personalData: 'sealed',
  applyBatch: async (_tx, events: readonly StoredEvent[]) => {
    const byTopic = new Map<
      string,
      { key: string; value: string; headers: Record<string, string> }[]
    >();
    for (const event of events) {
      const { topic, ...message } = toKafkaRecord(event, topicPrefix);
      const messages = byTopic.get(topic) ?? [];
      messages.push(message);
      byTopic.set(topic, messages);
    }
    await producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
    });
  },
});
