// For workspaces whose tests need a real Postgres and a real Kafka: one embedded Postgres and one
// throwaway single-node Kafka (infra/kafka/kafka.sh) per test run. KAFKA_BROKERS, if set, is used
// instead of starting a broker; without Java or Maven (outside CI) the Kafka suites are skipped.
const path = require('node:path');

const testing = path.join(__dirname, 'packages/event-store/src/testing');

module.exports = {
  ...require('./jest.preset.js'),
  globalSetup: path.join(testing, 'postgres-kafka-jest-global-setup.ts'),
  globalTeardown: path.join(testing, 'postgres-kafka-jest-global-teardown.ts'),
  testTimeout: 60_000,
};
