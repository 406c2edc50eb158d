/**
 * `KAFKA_BROKERS=127.0.0.1:9092 npm start -w examples/kafka-consumer`
 *
 * Env: KAFKA_BROKERS (comma-separated, default 127.0.0.1:9092), KAFKA_GROUP_ID (default
 * chorus-example-vote-tally), KAFKA_TOPIC (default chorus.feedback.v1). Ctrl-C to stop.
 */
import { startConsumer } from './consumer';
import { createVoteTally } from './vote-tally';

const main = async (): Promise<void> => {
  const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',').map((b) => b.trim());
  const groupId = process.env.KAFKA_GROUP_ID ?? 'chorus-example-vote-tally';
  const topic = process.env.KAFKA_TOPIC ?? 'chorus.feedback.v1';
  const tally = createVoteTally();

  const consumer = await startConsumer({
    brokers,
    groupId,
    topic,
    onEvent: (event) => {
      tally.onEvent(event);
      const feedbackId = event.data.feedbackId;
      const item = tally.get(feedbackId);
      console.log(
        `${event.time} ${event.type} ${event.subject}#${event.sequence}` +
          (item ? ` → "${item.title}" ${item.status}, ${item.votes} vote(s)` : '') +
          (item?.mergedInto ? ` (merged into ${item.mergedInto})` : ''),
      );
    },
  });
  console.log(`consuming ${topic} from ${brokers.join(',')} as group ${groupId} (Ctrl-C stops)`);

  const stop = (): void => {
    console.log(`stopping; ${consumer.duplicatesSkipped()} redelivered event(s) were skipped`);
    consumer.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
