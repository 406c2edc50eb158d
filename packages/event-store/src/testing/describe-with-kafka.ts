/// <reference types="jest" />
/**
 * The Kafka suites run against the real broker that jest's global setup starts. Where it could
 * not start one (no Java or Maven, outside CI), the suite is reported as skipped with the reason;
 * in CI the setup fails instead, so CI never skips it.
 */
export const kafkaUnavailable = process.env.CHORUS_KAFKA_UNAVAILABLE;

export const describeWithKafka = (name: string, suite: () => void): void => {
  if (kafkaUnavailable) {
    console.warn(`Kafka suite "${name}" skipped: ${kafkaUnavailable}`);
    describe.skip(`${name} (skipped: ${kafkaUnavailable})`, suite);
  } else {
    describe(name, suite);
  }
};
