import { chorusEvents } from '../index';
import { createEventRegistry, defineEvent, UnknownEventType } from './event-registry';
import { z } from 'zod';

const feedbackId = '5a2b7c1d-2e3f-4a5b-9c6d-7e8f9a0b1c2d';

describe('event registry', () => {
  it('validates data against the schema of its type and version', () => {
    expect(() =>
      chorusEvents.parse('VoteCast', 1, { feedbackId: 'not-a-uuid', voterId: 'v' }),
    ).toThrow();
    expect(chorusEvents.parse('VoteCast', 1, { feedbackId, voterId: 'v' })).toEqual({
      feedbackId,
      voterId: 'v',
    });
  });

  it('refuses an unknown type or version', () => {
    expect(() => chorusEvents.parse('VoteCast', 3, {})).toThrow(UnknownEventType);
    expect(() => chorusEvents.parse('Nope', 1, {})).toThrow(UnknownEventType);
    expect(() => chorusEvents.schemaVersionOf('Nope')).toThrow(UnknownEventType);
  });

  it('knows the current schema version of every type', () => {
    expect(chorusEvents.schemaVersionOf('FeedbackSubmitted')).toBe(2);
    expect(chorusEvents.schemaVersionOf('FeedbackStatusChanged')).toBe(2);
    expect(chorusEvents.schemaVersionOf('VoteCast')).toBe(2);
    expect(chorusEvents.schemaVersionOf('FeedbackEdited')).toBe(1);
    expect(chorusEvents.schemaVersionOf('BoardCreated')).toBe(1);
  });

  it('takes the highest version, whatever the order of the definitions', () => {
    const registry = createEventRegistry([
      defineEvent('Thing', 2, z.object({})),
      defineEvent('Thing', 1, z.object({})),
    ]);
    expect(registry.schemaVersionOf('Thing')).toBe(2);
  });

  it('registers each type and version once', () => {
    const keys = chorusEvents.definitions.map((d) => `${d.type}@${d.schemaVersion}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('registers every event type of feedback operations, planning and API keys', () =>
    expect([...new Set(chorusEvents.definitions.map((d) => d.type))].sort()).toEqual(
      [
        'WorkspaceCreated',
        'WorkspaceRenamed',
        'WorkspaceSingleSignOnConfigured',
        'WorkspacePortalSecretRotated',
        'ApiKeyCreated',
        'ApiKeyRevoked',
        'PersonJoined',
        'PersonInvited',
        'PersonRoleChanged',
        'PersonDeactivated',
        'PersonReactivated',
        'PersonPasswordChanged',
        'PersonErased',
        'BoardCreated',
        'BoardUpdated',
        'CategoryCreated',
        'CategoryRenamed',
        'TagCreated',
        'TagUpdated',
        'TagDeleted',
        'StatusCreated',
        'StatusUpdated',
        'StatusTransitionsSet',
        'FeedbackSubmitted',
        'FeedbackEdited',
        'FeedbackStatusChanged',
        'FeedbackTagged',
        'FeedbackUntagged',
        'FeedbackCategorised',
        'FeedbackApproved',
        'FeedbackRejected',
        'FeedbackMarkedSpam',
        'FeedbackSpamCleared',
        'FeedbackMerged',
        'FeedbackDuplicateAbsorbed',
        'FeedbackUnmerged',
        'FeedbackDuplicateReleased',
        'VoteCast',
        'VoteWithdrawn',
        'CommentPosted',
        'CommentEdited',
        'CommentDeleted',
        'CustomerCreated',
        'CustomerUpdated',
        'CustomerErased',
        'CompanyCreated',
        'CompanyUpdated',
        'FeedbackFollowed',
        'FeedbackUnfollowed',
        'BacklogItemCreated',
        'BacklogItemEdited',
        'AcceptanceCriteriaChanged',
        'AcceptanceCriterionChecked',
        'BacklogItemRanked',
        'FeedbackLinkedToBacklogItem',
        'FeedbackUnlinkedFromBacklogItem',
        'BacklogItemInitiativeSet',
        'BacklogItemFactorsSet',
        'BacklogItemPlanned',
        'BacklogItemUnplanned',
        'BacklogItemWorkStateChanged',
        'BacklogItemAccepted',
        'BacklogItemRejected',
        'BacklogItemReleased',
        'SprintCreated',
        'SprintEdited',
        'SprintStarted',
        'SprintCompleted',
        'InitiativeCreated',
        'InitiativeEdited',
        'InitiativeMoved',
        'InitiativeArchived',
        'ReleaseCreated',
        'ReleaseEdited',
        'ReleaseItemAdded',
        'ReleaseItemRemoved',
        'ChangelogEntryWritten',
        'ChangelogEntryScheduled',
        'ChangelogEntryUnscheduled',
        'ReleasePublished',
        'PersonNotified',
        'NotificationsRead',
        'NotificationPreferencesChanged',
        'ScoringModelDefined',
        'ScoringModelRemoved',
        'ScoringModelActivated',
        'WebhookCreated',
        'WebhookChanged',
        'WebhookPaused',
        'WebhookResumed',
        'WebhookSecretRotated',
        'WebhookDeleted',
      ].sort(),
    ));

  describe('versions of one type', () => {
    const submittedV1 = {
      feedbackId,
      title: 'Bulk edit',
      description: '',
      boardId: 'general',
      authorId: 'a',
    };
    const v2Fields = {
      statusId: 'open',
      moderation: 'pending',
      source: 'email',
      capturedBy: 'staff-1',
      quote: 'Soon please.',
      categoryId: 'reporting',
    };

    it('FeedbackSubmitted v1 stays as it was; v2 requires the new fields', () => {
      expect(chorusEvents.parse('FeedbackSubmitted', 1, submittedV1)).toEqual(submittedV1);
      expect(() => chorusEvents.parse('FeedbackSubmitted', 2, submittedV1)).toThrow();
      expect(chorusEvents.parse('FeedbackSubmitted', 2, { ...submittedV1, ...v2Fields })).toEqual({
        ...submittedV1,
        ...v2Fields,
      });
    });

    it('FeedbackStatusChanged v1 knows only the six default statuses; v2 any status id with its kind', () => {
      const custom = { feedbackId, from: 'open', to: 'shipped', changedBy: 'po' };
      expect(() => chorusEvents.parse('FeedbackStatusChanged', 1, custom)).toThrow();
      expect(() => chorusEvents.parse('FeedbackStatusChanged', 2, custom)).toThrow();
      expect(chorusEvents.parse('FeedbackStatusChanged', 2, { ...custom, toKind: 'done' })).toEqual(
        { ...custom, toKind: 'done' },
      );
      expect(() =>
        chorusEvents.parse('FeedbackStatusChanged', 2, { ...custom, toKind: 'finished' }),
      ).toThrow();
    });

    it('VoteCast v2 says who captured the vote, from where', () => {
      const v2 = { feedbackId, voterId: 'c', source: 'sales_call', capturedBy: 's', quote: null };
      expect(chorusEvents.parse('VoteCast', 2, v2)).toEqual(v2);
      expect(() => chorusEvents.parse('VoteCast', 2, { feedbackId, voterId: 'c' })).toThrow();
    });
  });
});
