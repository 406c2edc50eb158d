import { chorusEvents } from '@chorus/domain';
import { auditEventAreas } from './audit-event-types';
import { describeStream } from './audit-resources';
import { eventTypeLabel, summarise } from './audit-summary';

describe('audit summaries', () => {
  it.each([
    ['FeedbackStatusChanged', 'Feedback', 'changed status'],
    ['FeedbackSubmitted', 'Feedback', 'submitted feedback'],
    ['FeedbackMarkedSpam', 'Feedback', 'marked spam'],
    ['VoteCast', 'Vote', 'cast vote'],
    ['VoteWithdrawn', 'Vote', 'withdrew vote'],
    ['BacklogItemWorkStateChanged', 'Backlog item', 'changed work state'],
    ['BacklogItemCreated', 'Backlog item', 'created backlog item'],
    ['FeedbackLinkedToBacklogItem', 'Backlog item', 'linked feedback to backlog item'],
    ['ChangelogEntryWritten', 'Release', 'wrote changelog entry'],
    ['ReleaseItemAdded', 'Release', 'added item'],
    ['StatusTransitionsSet', 'Catalog', 'set status transitions'],
    ['NotificationsRead', 'Notifications read', 'read notifications'],
    ['SomethingNew', 'Thing', 'something new'],
  ])('%s on a %s reads “%s”', (type, resourceName, summary) => {
    expect(summarise(type, resourceName)).toBe(summary);
  });

  it('labels a type as a sentence', () => {
    expect(eventTypeLabel('FeedbackStatusChanged')).toBe('Feedback status changed');
  });

  it('lists every registered event type once, under an area', () => {
    const listed = auditEventAreas.flatMap((area) => area.types.map((t) => t.type));
    const registered = new Set(chorusEvents.definitions.map((d) => d.type));
    expect(new Set(listed)).toEqual(registered);
    expect(listed).toHaveLength(registered.size);
  });
});

describe('audit resources', () => {
  const feedbackId = '0b0c8a4e-3c57-4d0e-9a8e-8f1f7d3f2a11';

  it('names a stream and finds the page it belongs to', () => {
    expect(describeStream(`backlog-item-${feedbackId}`, 'backlog', {})).toEqual({
      typeName: 'Backlog item',
      id: feedbackId,
      about: { kind: 'backlogItem', id: feedbackId },
    });
    expect(describeStream(`ballot-${feedbackId}-voter`, 'ballot', { feedbackId })).toEqual({
      typeName: 'Vote',
      id: `${feedbackId}-voter`,
      about: { kind: 'feedback', id: feedbackId },
    });
    expect(describeStream(`notifications-release-${feedbackId}`, 'notifications', {})).toEqual({
      typeName: 'Release notifications',
      id: feedbackId,
      about: { kind: 'release', id: feedbackId },
    });
  });

  it('still reads a stream of a type it does not know', () => {
    expect(describeStream('webhook-42', 'webhook', {})).toEqual({
      typeName: 'Webhook',
      id: '42',
      about: null,
    });
  });
});
