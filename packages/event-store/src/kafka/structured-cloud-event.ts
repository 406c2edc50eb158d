import type { StoredEvent } from '../event-store';
import { cloudEventAttributesOf, type CloudEventAttributes } from './cloud-event-record';

/**
 * How Chorus events travel over HTTP (webhooks): CloudEvents 1.0 in structured mode, the envelope
 * and the data in one JSON body. The attributes are those Kafka carries in `ce_*` headers.
 */
export const STRUCTURED_CLOUD_EVENT_CONTENT_TYPE = 'application/cloudevents+json';

export type StructuredCloudEvent = Omit<CloudEventAttributes, 'subject' | 'sequence'> &
  Partial<Pick<CloudEventAttributes, 'subject' | 'sequence'>> & {
    /** The JSON Schema of `data`: `schemas/<type>.json` in packages/contracts. */
    dataschema?: string;
    datacontenttype: 'application/json';
    data: unknown;
  };

export const dataSchemaOf = (cloudEventType: string): string =>
  `https://chorus.dev/schemas/${cloudEventType}.json`;

/** A stored event as a structured-mode CloudEvent; its data as the reader got it. */
export const toStructuredCloudEvent = (event: StoredEvent): StructuredCloudEvent => {
  const attributes = cloudEventAttributesOf(event);
  return {
    ...attributes,
    dataschema: dataSchemaOf(attributes.type),
    datacontenttype: 'application/json',
    data: event.data,
  };
};
