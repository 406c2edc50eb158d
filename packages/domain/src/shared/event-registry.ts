import type { z } from 'zod';

/** A published event type at one schema version, with the runtime schema of its data. */
export type EventDefinition<Type extends string = string, Schema extends z.ZodType = z.ZodType> = {
  type: Type;
  schemaVersion: number;
  schema: Schema;
};

export const defineEvent = <Type extends string, Schema extends z.ZodType>(
  type: Type,
  schemaVersion: number,
  schema: Schema,
): EventDefinition<Type, Schema> => ({ type, schemaVersion, schema });

/** What every stored event carries besides its data. */
export type EventMetadata = {
  workspaceId: string;
  actorId: string;
  correlationId: string;
  causationId: string | null;
  occurredAt: string;
};

export class UnknownEventType extends Error {
  constructor(type: string, schemaVersion: number) {
    super(`No schema is registered for event ${type} v${schemaVersion}.`);
    this.name = 'UnknownEventType';
  }
}

export type EventRegistry = {
  definitions: readonly EventDefinition[];
  /** Validates stored or incoming data against the schema of its type and version. */
  parse: (type: string, schemaVersion: number, data: unknown) => unknown;
  schemaVersionOf: (type: string) => number;
};

export const createEventRegistry = (definitions: readonly EventDefinition[]): EventRegistry => {
  const byKey = new Map(definitions.map((d) => [`${d.type}@${d.schemaVersion}`, d]));
  const latest = new Map<string, number>();
  for (const d of definitions) {
    latest.set(d.type, Math.max(latest.get(d.type) ?? 0, d.schemaVersion));
  }
  return {
    definitions,
    parse: (type, schemaVersion, data) => {
      const definition = byKey.get(`${type}@${schemaVersion}`);
      if (!definition) throw new UnknownEventType(type, schemaVersion);
      return definition.schema.parse(data);
    },
    schemaVersionOf: (type) => {
      const version = latest.get(type);
      if (version === undefined) throw new UnknownEventType(type, 0);
      return version;
    },
  };
};
