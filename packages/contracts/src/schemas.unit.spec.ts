import fs from 'node:fs';
import path from 'node:path';
import { chorusEvents } from '@chorus/domain';
import { publishedEventTypes, toKafkaRecord, type StoredEvent } from '@chorus/event-store';
import Ajv2020 from 'ajv/dist/2020';
import { catalogKey, eventCatalog } from './catalog';
import { generateSchemas, schemaIdOf, schemasDirectory } from './schemas';

const REGENERATE = 'npm run build -w @chorus/contracts && npm run generate -w @chorus/contracts';

type Schema = {
  $id: string;
  title: string;
  description: string;
  properties: Record<string, unknown>;
  required: string[];
  examples: Record<string, unknown>[];
};

const committed = (fileName: string): Schema =>
  JSON.parse(fs.readFileSync(path.join(schemasDirectory, fileName), 'utf8')) as Schema;

const generated = generateSchemas();

/** A stored event of a published type, its catalog example as data, every metadata field set. */
const storedEventOf = (published: ReturnType<typeof publishedEventTypes>[number]): StoredEvent => {
  const data = eventCatalog[catalogKey(published.type, published.schemaVersion)]!.example;
  const streamId =
    published.context === 'workspace'
      ? `workspace-${String(data.workspaceId)}`
      : published.type.startsWith('Vote')
        ? `ballot-${String(data.feedbackId)}-${String(data.voterId)}`
        : `feedback-${String(data.feedbackId)}`;
  return {
    globalPosition: '1',
    transactionId: '1',
    streamId,
    streamType: streamId.slice(0, streamId.indexOf('-')),
    version: 2,
    eventId: '7d1f8a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b',
    type: published.type,
    schemaVersion: published.schemaVersion,
    workspaceId: '3f1c2a9e-7b4d-4c1a-9e2f-5a6b7c8d9e0f',
    data,
    metadata: {
      workspaceId: '3f1c2a9e-7b4d-4c1a-9e2f-5a6b7c8d9e0f',
      actorId: 'a7d3f1e2-9c4b-4e8a-b6d5-1f2e3d4c5b6a',
      correlationId: 'c0ffee00-0000-4000-8000-000000000001',
      causationId: '8b40caee-3068-4e55-8c22-4c4d5849783e',
      occurredAt: '2026-11-28T09:30:00.000Z',
    },
    recordedAt: '2026-11-28T09:30:00.012Z',
  };
};

describe('committed JSON Schemas', () => {
  it('are exactly the generated ones: one file per published CloudEvent type, no stale file', () => {
    const onDisk = fs
      .readdirSync(schemasDirectory)
      .filter((f) => f.endsWith('.json'))
      .sort();
    expect({ onDisk, hint: REGENERATE }).toEqual({
      onDisk: generated.map((g) => g.fileName).sort(),
      hint: REGENERATE,
    });
  });

  it.each(generated.map((g) => [g.fileName, g] as const))(
    '%s has the content the zod schema generates',
    (fileName, g) => {
      // Key order counts; whitespace is prettier's business (`generate` runs it).
      const onDisk = JSON.stringify(committed(fileName), null, 2);
      const fresh = JSON.stringify(g.schema, null, 2);
      if (onDisk !== fresh) {
        throw new Error(`schemas/${fileName} is out of date with the domain: run ${REGENERATE}`);
      }
    },
  );

  it('covers every published type and version, with its id, title and description', () => {
    expect(publishedEventTypes()).toHaveLength(chorusEvents.definitions.length);
    for (const published of publishedEventTypes()) {
      const schema = committed(`${published.cloudEventType}.json`);
      expect(schema.$id).toBe(`https://chorus.dev/schemas/${published.cloudEventType}.json`);
      expect(schema.title).toBe(`${published.type} v${published.schemaVersion}`);
      expect(schema.description).toContain(published.cloudEventType);
      expect(schema.description.length).toBeGreaterThan(80);
    }
  });

  it("is found from each record's ce_type; records carry no ce_dataschema nor ce_causationid", () => {
    const byId = new Map(
      fs
        .readdirSync(schemasDirectory)
        .filter((f) => f.endsWith('.json'))
        .map((f) => [committed(f).$id, committed(f)] as const),
    );
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    for (const published of publishedEventTypes()) {
      const record = toKafkaRecord(storedEventOf(published));
      const ceType = record.headers.ce_type!;
      expect(ceType).toBe(published.cloudEventType);
      const schemaId = `https://chorus.dev/schemas/${ceType}.json`;
      expect(schemaIdOf(ceType)).toBe(schemaId);
      expect(fs.existsSync(path.join(schemasDirectory, `${ceType}.json`))).toBe(true);
      const schema = byId.get(schemaId);
      expect(schema?.title).toBe(`${published.type} v${published.schemaVersion}`);
      const validate = ajv.compile(schema!);
      expect(validate(JSON.parse(record.value)) ? 'valid' : ajv.errorsText(validate.errors)).toBe(
        'valid',
      );
      // The stored event has a causation id, and still neither header is written.
      expect(Object.keys(record.headers)).not.toContain('ce_dataschema');
      expect(Object.keys(record.headers)).not.toContain('ce_causationid');
    }
  });
});

/** Payloads that a consumer must reject, besides the generic ones derived from the schema. */
const handMadeBroken: Record<string, [string, unknown][]> = {
  'com.chorus.workspace.created.v1': [
    [
      'slug with capitals',
      { workspaceId: '3f1c2a9e-7b4d-4c1a-9e2f-5a6b7c8d9e0f', name: 'Acme', slug: 'Acme' },
    ],
    [
      'name of one character',
      { workspaceId: '3f1c2a9e-7b4d-4c1a-9e2f-5a6b7c8d9e0f', name: 'A', slug: 'a' },
    ],
  ],
  'com.chorus.workspace.renamed.v1': [
    ['workspaceId not a uuid', { workspaceId: 'acme', name: 'Acme Product' }],
  ],
  'com.chorus.feedback.submitted.v1': [
    [
      'title too short',
      {
        feedbackId: '0b8e4c62-5d1f-4a7e-8c3b-2f9d6e1a4b57',
        title: 'CS',
        description: '',
        boardId: 'general',
        authorId: 'a7d3f1e2-9c4b-4e8a-b6d5-1f2e3d4c5b6a',
      },
    ],
    [
      'board id with a space',
      {
        feedbackId: '0b8e4c62-5d1f-4a7e-8c3b-2f9d6e1a4b57',
        title: 'Export as CSV',
        description: '',
        boardId: 'main board',
        authorId: 'a7d3f1e2-9c4b-4e8a-b6d5-1f2e3d4c5b6a',
      },
    ],
  ],
  'com.chorus.feedback.edited.v1': [
    [
      'description over 20000 characters',
      {
        feedbackId: '0b8e4c62-5d1f-4a7e-8c3b-2f9d6e1a4b57',
        description: 'x'.repeat(20_001),
        editedBy: 'c2e9a4b7-3d8f-4b1c-a5e6-7d8c9b0a1f2e',
      },
    ],
  ],
  'com.chorus.feedback.status-changed.v1': [
    [
      'unknown status',
      {
        feedbackId: '0b8e4c62-5d1f-4a7e-8c3b-2f9d6e1a4b57',
        from: 'open',
        to: 'shipped',
        changedBy: 'c2e9a4b7-3d8f-4b1c-a5e6-7d8c9b0a1f2e',
      },
    ],
  ],
  'com.chorus.feedback.vote-cast.v1': [
    ['empty voter', { feedbackId: '0b8e4c62-5d1f-4a7e-8c3b-2f9d6e1a4b57', voterId: '' }],
  ],
  'com.chorus.feedback.vote-withdrawn.v1': [
    ['feedbackId not a uuid', { feedbackId: '0b8e4c62', voterId: 'a7d3f1e2' }],
  ],
};

describe('each committed schema, with ajv (draft 2020-12, strict)', () => {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  // The schemas carry zod's uuid pattern beside `format: uuid`; the pattern does the checking.
  ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);

  describe.each(publishedEventTypes().map((p) => [p.cloudEventType, p] as const))(
    '%s',
    (name, p) => {
      const schema = committed(`${name}.json`);
      const validate = ajv.compile(schema);
      const zodAccepts = (data: unknown): boolean => {
        try {
          chorusEvents.parse(p.type, p.schemaVersion, data);
          return true;
        } catch {
          return false;
        }
      };

      it('accepts its realistic example, as zod does', () => {
        expect(schema.examples).toHaveLength(1);
        const example = schema.examples[0]!;
        expect(validate(example) ? 'valid' : ajv.errorsText(validate.errors)).toBe('valid');
        expect(zodAccepts(example)).toBe(true);
      });

      const example = (): Record<string, unknown> => ({ ...schema.examples[0]! });
      const broken: [string, unknown][] = [
        ...schema.required.map((field): [string, unknown] => {
          const data = example();
          delete data[field];
          return [`without required ${field}`, data];
        }),
        ...Object.keys(schema.properties).map((field): [string, unknown] => [
          `${field} as a number`,
          { ...example(), [field]: 42 },
        ]),
        ['an array', [example()]],
        ['null', null],
        ...(handMadeBroken[name] ?? []),
      ];

      it('has hand-made broken payloads to check', () => {
        expect(handMadeBroken[name]?.length).toBeGreaterThan(0);
      });

      it.each(broken)('rejects a payload: %s (zod agrees)', (_why, data) => {
        expect(validate(data)).toBe(false);
        expect(zodAccepts(data)).toBe(false);
      });

      it('is closed: rejects an unknown property, which Chorus never publishes (zod strips it)', () => {
        const withExtra = { ...example(), unexpected: 'x' };
        expect(validate(withExtra)).toBe(false);
        expect(chorusEvents.parse(p.type, p.schemaVersion, withExtra)).toEqual(example());
      });
    },
  );
});
