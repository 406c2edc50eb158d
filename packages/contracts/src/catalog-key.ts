export type EventContractDoc = {
  /** What happened, when it is published, and anything a consumer must know to use it. */
  description: string;
  /** A realistic payload (the Kafka record's value); embedded in the schema's `examples`. */
  example: Record<string, unknown>;
};

export const catalogKey = (type: string, schemaVersion: number): string =>
  `${type}@${schemaVersion}`;
