import fs from 'node:fs';
import path from 'node:path';
import {
  deadLetterTopic,
  publishedEventTypes,
  toKafkaRecord,
  topicFor,
  type StoredEvent,
} from '@chorus/event-store';
import {
  DiagnosticSeverity,
  Parser,
  type AsyncAPIDocumentInterface,
  type Diagnostic,
} from '@asyncapi/parser';
import { asyncApiPath, schemaIdOf, schemasDirectory } from './schemas';

const packageRoot = path.dirname(asyncApiPath);

/** Reads local `$ref`s (`./schemas/…json`) from disk and remembers which files it read. */
const parseDocument = async (
  text: string,
): Promise<{ document?: AsyncAPIDocumentInterface; diagnostics: Diagnostic[]; read: string[] }> => {
  const read: string[] = [];
  const parser = new Parser({
    __unstable: {
      resolver: {
        cache: false,
        resolvers: [
          {
            schema: 'file',
            order: 1,
            read: async (uri) => {
              const file = decodeURIComponent(uri.path());
              read.push(path.relative(packageRoot, file));
              return fs.promises.readFile(file, 'utf8');
            },
          },
        ],
      },
    },
  });
  const { document, diagnostics } = await parser.parse(text, { source: asyncApiPath });
  return { document, diagnostics, read };
};

const describeDiagnostics = (diagnostics: Diagnostic[]): string =>
  diagnostics
    .map(
      (d) =>
        `${DiagnosticSeverity[d.severity]} ${String(d.code)} at ${d.path.join('.') || '(root)'}: ${d.message}`,
    )
    .join('\n');

const errorsOf = (diagnostics: Diagnostic[]): Diagnostic[] =>
  diagnostics.filter((d) => Number(d.severity) === Number(DiagnosticSeverity.Error));

/** The headers Chorus writes, from a record with every optional metadata field (causation) set. */
const recordHeaderNames = (): string[] => {
  const event: StoredEvent = {
    globalPosition: '2',
    transactionId: '2',
    streamId: 'ballot-0b8e4c62-5d1f-4a7e-8c3b-2f9d6e1a4b57-a7d3f1e2-9c4b-4e8a-b6d5-1f2e3d4c5b6a',
    streamType: 'ballot',
    version: 1,
    eventId: '8b40caee-3068-4e55-8c22-4c4d5849783e',
    type: 'VoteCast',
    schemaVersion: 1,
    workspaceId: '3f1c2a9e-7b4d-4c1a-9e2f-5a6b7c8d9e0f',
    data: {
      feedbackId: '0b8e4c62-5d1f-4a7e-8c3b-2f9d6e1a4b57',
      voterId: 'a7d3f1e2-9c4b-4e8a-b6d5-1f2e3d4c5b6a',
    },
    metadata: {
      workspaceId: '3f1c2a9e-7b4d-4c1a-9e2f-5a6b7c8d9e0f',
      actorId: 'a7d3f1e2-9c4b-4e8a-b6d5-1f2e3d4c5b6a',
      correlationId: '24ff2a17-9be4-4ab3-89ea-da20767bf6ab',
      causationId: '7d1f8a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b',
      occurredAt: '2026-11-28T09:30:00.000Z',
    },
    recordedAt: '2026-11-28T09:30:00.012Z',
  };
  return Object.keys(toKafkaRecord(event).headers).sort();
};

describe('asyncapi.yaml', () => {
  const text = fs.readFileSync(asyncApiPath, 'utf8');
  let parsed: Awaited<ReturnType<typeof parseDocument>>;

  beforeAll(async () => {
    parsed = await parseDocument(text);
    if (parsed.diagnostics.length > 0) {
      console.log(`AsyncAPI diagnostics:\n${describeDiagnostics(parsed.diagnostics)}`);
    }
  }, 60_000);

  const doc = (): AsyncAPIDocumentInterface => {
    if (!parsed.document) throw new Error('asyncapi.yaml did not parse (diagnostics above).');
    return parsed.document;
  };

  it('is a valid AsyncAPI 3.0 document: no error diagnostics', () => {
    // Printed in full so a failure says what to fix.
    expect(describeDiagnostics(errorsOf(parsed.diagnostics))).toBe('');
    expect(parsed.document).toBeDefined();
    expect(doc().version()).toBe('3.0.0');
  });

  it('resolves every payload from the committed schema files, and nothing else from disk', () => {
    const schemaFiles = fs.readdirSync(schemasDirectory).filter((f) => f.endsWith('.json'));
    expect([...new Set(parsed.read)].sort()).toEqual(
      schemaFiles.map((f) => path.join('schemas', f)).sort(),
    );
    expect(text).not.toMatch(/\$ref: '?https?:/);
  });

  it('has a Kafka server on localhost:9092', () => {
    const servers = doc().servers().all();
    expect(servers.map((s) => [s.host(), s.protocol()])).toContainEqual([
      'localhost:9092',
      'kafka',
    ]);
  });

  it('has a channel per topic, and a receive operation for each', () => {
    const addresses = doc()
      .channels()
      .all()
      .map((c) => c.address());
    const topics = [
      ...new Set(publishedEventTypes().map((p) => topicFor(p.context))),
      deadLetterTopic(),
    ];
    expect([...addresses].sort()).toEqual([...topics].sort());
    for (const channel of doc().channels().all()) {
      const operations = channel.operations().all();
      expect(operations.map((o) => o.action())).toContain('receive');
      expect(channel.bindings().get('kafka')?.value<{ topic?: string }>().topic).toBe(
        channel.address(),
      );
    }
  });

  it('has a message for every published CloudEvent type, on its topic, with its schema', () => {
    const headerNames = recordHeaderNames();
    expect(headerNames).not.toContain('ce_dataschema');
    expect(headerNames).not.toContain('ce_causationid');
    const missing: string[] = [];
    for (const published of publishedEventTypes()) {
      const channel = doc()
        .channels()
        .all()
        .find((c) => c.address() === topicFor(published.context));
      const message = channel
        ?.messages()
        .all()
        .find((m) => m.name() === published.cloudEventType);
      if (!channel || !message) {
        missing.push(`${published.cloudEventType} on ${topicFor(published.context)}`);
        continue;
      }
      expect(message.contentType()).toBe('application/json');
      expect(message.payload()?.json<{ $id?: string }>().$id).toBe(
        schemaIdOf(published.cloudEventType),
      );
      const headers = message.headers()?.json<{
        allOf?: { required?: string[]; properties?: Record<string, { const?: string }> }[];
      }>();
      const [envelope, specific] = headers?.allOf ?? [];
      // Exactly the headers toKafkaRecord writes, all of them required.
      expect(Object.keys(envelope?.properties ?? {}).sort()).toEqual(headerNames);
      expect([...(envelope?.required ?? [])].sort()).toEqual(headerNames);
      expect(Object.keys(specific?.properties ?? {})).not.toContain('ce_dataschema');
      const ceType = specific?.properties?.ce_type?.const;
      expect(ceType).toBe(published.cloudEventType);
      expect(specific?.properties?.ce_source?.const).toBe(`/chorus/${published.context}`);
      // The schema is found from ce_type alone.
      expect(message.payload()?.json<{ $id?: string }>().$id).toBe(
        `https://chorus.dev/schemas/${ceType}.json`,
      );
      const key = message.bindings().get('kafka')?.value<{ key?: { description?: string } }>().key;
      expect(key?.description).toMatch(/Partition key/);
      const receivers = doc()
        .operations()
        .all()
        .filter((o) => o.action() === 'receive')
        .filter((o) =>
          o
            .channels()
            .all()
            .some((c) => c.address() === channel.address()),
        )
        .filter((o) =>
          o
            .messages()
            .all()
            .some((m) => m.name() === published.cloudEventType),
        );
      expect(receivers).toHaveLength(1);
    }
    expect(missing).toEqual([]);
  });

  it('fails, with the reason, when a payload reference is broken (so the check above can fail)', async () => {
    const broken = text.replace(
      './schemas/com.chorus.feedback.submitted.v1.json',
      './schemas/com.chorus.feedback.submitted.v0.json',
    );
    const { diagnostics } = await parseDocument(broken);
    expect(describeDiagnostics(errorsOf(diagnostics))).toMatch(/submitted\.v0\.json/);
  }, 60_000);
});
