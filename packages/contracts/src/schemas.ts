import path from 'node:path';
import { chorusEvents, personalData, SEALED_PREFIX } from '@chorus/domain';
import { publishedEventTypes, topicFor } from '@chorus/event-store';
import { z } from 'zod';
import { catalogKey, eventCatalog } from './catalog';

/**
 * `$id` prefix of every published schema. Records carry no `ce_dataschema`: the schema of an event
 * is found from its type, `$id` = this + `<ce_type>.json` (see `schemaIdOf`).
 */
export const SCHEMA_BASE_URL = 'https://chorus.dev/schemas/';

/** The committed schema files (the same path from `src/` under jest and from `dist/`). */
export const schemasDirectory = path.resolve(__dirname, '..', 'schemas');

/** The committed AsyncAPI document. */
export const asyncApiPath = path.resolve(__dirname, '..', 'asyncapi.yaml');

export const schemaFileName = (cloudEventType: string): string => `${cloudEventType}.json`;

export const schemaIdOf = (cloudEventType: string): string =>
  `${SCHEMA_BASE_URL}${schemaFileName(cloudEventType)}`;

export type GeneratedSchema = {
  cloudEventType: string;
  type: string;
  schemaVersion: number;
  topic: string;
  fileName: string;
  schema: Record<string, unknown>;
};

export class MissingContractDoc extends Error {
  constructor(type: string, schemaVersion: number) {
    super(
      `${type} v${schemaVersion} is published but has no description and example: add ` +
        `eventCatalog['${catalogKey(type, schemaVersion)}'] in packages/contracts/src/catalog.ts.`,
    );
    this.name = 'MissingContractDoc';
  }
}

const SEALED = {
  type: 'string',
  pattern: `^${SEALED_PREFIX}`,
  description:
    'Personal data, sealed with a key of its owner (AES-256-GCM): Chorus opens it for its own readers; erasure destroys the key.',
};

/** On Kafka, a personal field holds its value sealed (docs/adr/0016); the schema says both. */
const withSealedFields = (type: string, body: Record<string, unknown>) => {
  const rule = personalData[type];
  if (!rule) return body;
  const properties = { ...(body.properties as Record<string, Record<string, unknown>>) };
  for (const field of rule.fields) {
    const plain = properties[field];
    if (plain) properties[field] = { anyOf: [plain, SEALED] };
  }
  return { ...body, properties };
};

/**
 * One JSON Schema (draft 2020-12) per published CloudEvent type, from the zod schema of the
 * event's data. Pure: the generator writes these to `schemas/`, the unit test compares them
 * with the committed files.
 */
export const generateSchemas = (): GeneratedSchema[] => {
  const definitions = new Map(
    chorusEvents.definitions.map((d) => [catalogKey(d.type, d.schemaVersion), d]),
  );
  return publishedEventTypes()
    .map((published): GeneratedSchema => {
      const key = catalogKey(published.type, published.schemaVersion);
      const definition = definitions.get(key);
      if (!definition) throw new Error(`No zod definition for published event ${key}.`);
      const doc = eventCatalog[key];
      if (!doc) throw new MissingContractDoc(published.type, published.schemaVersion);
      const topic = topicFor(published.context);
      const { $schema, ...body } = z.toJSONSchema(definition.schema, {
        target: 'draft-2020-12',
      });
      return {
        ...published,
        topic,
        fileName: schemaFileName(published.cloudEventType),
        schema: {
          $schema,
          $id: schemaIdOf(published.cloudEventType),
          title: `${published.type} v${published.schemaVersion}`,
          description:
            `${doc.description}\n\nThe data (Kafka record value, JSON) of CloudEvents of type ` +
            `\`${published.cloudEventType}\` on topic \`${topic}\`.`,
          ...withSealedFields(published.type, body),
          examples: [doc.example],
        },
      };
    })
    .sort((a, b) => a.cloudEventType.localeCompare(b.cloudEventType));
};

/** How a schema is written to disk (prettier formats the files afterwards; content is what counts). */
export const serializeSchema = (schema: Record<string, unknown>): string =>
  `${JSON.stringify(schema, null, 2)}\n`;
