import { startTestPostgres, stopTestPostgres } from './global-setup';
import { startTestKafka } from './kafka-global-setup';

/** Jest globalSetup for suites that need both a real Postgres and a real Kafka (jest.kafka.js). */
export default async (): Promise<void> => {
  await startTestPostgres();
  try {
    await startTestKafka();
  } catch (error) {
    // jest runs no globalTeardown when globalSetup throws: do not leave Postgres behind.
    await stopTestPostgres();
    throw error;
  }
};
