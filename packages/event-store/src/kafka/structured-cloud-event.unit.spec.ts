import type { StoredEvent } from '../event-store';
import { toKafkaRecord } from './cloud-event-record';
import { toStructuredCloudEvent } from './structured-cloud-event';

const event: StoredEvent = {
  globalPosition: '12',
  transactionId: '9',
  streamId: 'feedback-0b8e4c62-5d1f-4a7e-8c3b-2f9d6e1a4b57',
  streamType: 'feedback',
  version: 3,
  eventId: '8b40caee-3068-4e55-8c22-4c4d5849783e',
  type: 'FeedbackEdited',
  schemaVersion: 1,
  workspaceId: '3f1c2a9e-7b4d-4c1a-9e2f-5a6b7c8d9e0f',
  data: { feedbackId: '0b8e4c62-5d1f-4a7e-8c3b-2f9d6e1a4b57', title: 'Dark mode' },
  metadata: {
    workspaceId: '3f1c2a9e-7b4d-4c1a-9e2f-5a6b7c8d9e0f',
    actorId: 'a7d3f1e2-9c4b-4e8a-b6d5-1f2e3d4c5b6a',
    correlationId: '24ff2a17-9be4-4ab3-89ea-da20767bf6ab',
    causationId: null,
    occurredAt: '2026-11-28T09:30:00.000Z',
  },
  recordedAt: '2026-11-28T09:30:00.012Z',
};

describe('a structured-mode CloudEvent', () => {
  it('carries the attributes Kafka carries in ce_* headers, and the data in the body', () => {
    const structured = toStructuredCloudEvent(event);
    expect(structured).toEqual({
      specversion: '1.0',
      id: event.eventId,
      source: '/chorus/feedback',
      type: 'com.chorus.feedback.edited.v1',
      time: '2026-11-28T09:30:00.000Z',
      subject: event.streamId,
      workspaceid: event.workspaceId,
      sequence: '3',
      correlationid: event.metadata.correlationId,
      dataschema: 'https://chorus.dev/schemas/com.chorus.feedback.edited.v1.json',
      datacontenttype: 'application/json',
      data: event.data,
    });
    const { headers, value } = toKafkaRecord(event);
    for (const [header, text] of Object.entries(headers)) {
      if (header.startsWith('ce_')) {
        expect([header, structured[header.slice(3) as keyof typeof structured]]).toEqual([
          header,
          text,
        ]);
      }
    }
    expect(JSON.parse(value)).toEqual(structured.data);
  });
});
