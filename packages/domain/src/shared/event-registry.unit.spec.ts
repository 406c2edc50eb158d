import { chorusEvents } from '../index';
import { UnknownEventType } from './event-registry';

describe('event registry', () => {
  it('validates data against the schema of its type and version', () => {
    expect(() =>
      chorusEvents.parse('VoteCast', 1, { feedbackId: 'not-a-uuid', voterId: 'v' }),
    ).toThrow();
    expect(
      chorusEvents.parse('VoteCast', 1, {
        feedbackId: '5a2b7c1d-2e3f-4a5b-9c6d-7e8f9a0b1c2d',
        voterId: 'v',
      }),
    ).toEqual({ feedbackId: '5a2b7c1d-2e3f-4a5b-9c6d-7e8f9a0b1c2d', voterId: 'v' });
  });

  it('refuses an unknown type or version', () => {
    expect(() => chorusEvents.parse('VoteCast', 2, {})).toThrow(UnknownEventType);
    expect(() => chorusEvents.schemaVersionOf('Nope')).toThrow(UnknownEventType);
  });

  it('knows the current schema version of every type', () => {
    expect(chorusEvents.schemaVersionOf('FeedbackSubmitted')).toBe(1);
  });
});
