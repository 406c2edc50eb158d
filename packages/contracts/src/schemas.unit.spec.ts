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
  /** A union of shapes by a discriminator (PersonNotified's kinds), without the two above. */
  oneOf?: Pick<Schema, 'properties' | 'required'>[];
};

/** A number, or a nullable number (`anyOf` number | null). */
const isNumeric = (property: unknown): boolean => {
  const { type, anyOf } = property as { type?: unknown; anyOf?: unknown[] };
  return type === 'number' || type === 'integer' || (anyOf ?? []).some(isNumeric);
};

const committed = (fileName: string): Schema =>
  JSON.parse(fs.readFileSync(path.join(schemasDirectory, fileName), 'utf8')) as Schema;

const generated = generateSchemas();

const WORKSPACE_ID = '3f1c2a9e-7b4d-4c1a-9e2f-5a6b7c8d9e0f';

/** The stream an event of this type is stored in, from the ids in its data. */
const streamIdOf = (type: string, data: Record<string, unknown>): string => {
  const id = (field: string) => String(data[field]);
  if (type.startsWith('Workspace')) return `workspace-${id('workspaceId')}`;
  if (type.startsWith('ApiKey')) return `api-keys-${WORKSPACE_ID}`;
  if (type.startsWith('Webhook')) return `webhook-${id('webhookId')}`;
  if (type.startsWith('Person') && type !== 'PersonNotified') return `person-${id('personId')}`;
  if (/^(Backlog|Acceptance)|BacklogItem$/.test(type)) return `backlog-item-${id('itemId')}`;
  if (type.startsWith('Sprint')) return `sprint-${id('sprintId')}`;
  if (type.startsWith('ScoringModel')) return `scoring-${WORKSPACE_ID}`;
  if (type.startsWith('Initiative')) return `initiative-${id('initiativeId')}`;
  if (/^(Release|Changelog)/.test(type)) return `release-${id('releaseId')}`;
  if (type === 'PersonNotified') return `notifications-release-${id('releaseId')}`;
  if (type === 'NotificationsRead') return `notification-reads-${id('personId')}`;
  if (type === 'NotificationPreferencesChanged') {
    return `notification-preferences-${id('personId')}`;
  }
  if (type.startsWith('Vote')) return `ballot-${id('feedbackId')}-${id('voterId')}`;
  if (/^(Board|Category|Tag|Status)/.test(type)) return `catalog-${WORKSPACE_ID}`;
  if (type.startsWith('Comment')) return `comment-${id('commentId')}`;
  if (type.startsWith('Customer')) return `customer-${id('customerId')}`;
  if (type.startsWith('Company')) return `company-${id('companyId')}`;
  if (type === 'FeedbackFollowed' || type === 'FeedbackUnfollowed') {
    return `follow-${id('feedbackId')}-${id('personId')}`;
  }
  return `feedback-${id('feedbackId')}`;
};

/** A stored event of a published type, its catalog example as data, every metadata field set. */
const storedEventOf = (published: ReturnType<typeof publishedEventTypes>[number]): StoredEvent => {
  const data = eventCatalog[catalogKey(published.type, published.schemaVersion)]!.example;
  const streamId = streamIdOf(published.type, data);
  return {
    globalPosition: '1',
    transactionId: '1',
    streamId,
    streamType: streamId.slice(0, streamId.indexOf('-')),
    version: 2,
    eventId: '7d1f8a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b',
    type: published.type,
    schemaVersion: published.schemaVersion,
    workspaceId: WORKSPACE_ID,
    data,
    metadata: {
      workspaceId: WORKSPACE_ID,
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
    ajv.addFormat('email', true);
    // And zod's ISO date and date-time patterns beside `format: date` / `date-time`.
    ajv.addFormat('date', true);
    ajv.addFormat('date-time', true);
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

const FEEDBACK_ID = '0b8e4c62-5d1f-4a7e-8c3b-2f9d6e1a4b57';
const PERSON_ID = 'a7d3f1e2-9c4b-4e8a-b6d5-1f2e3d4c5b6a';
const STAFF_ID = 'c2e9a4b7-3d8f-4b1c-a5e6-7d8c9b0a1f2e';
const COMMENT_ID = '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b';
const COMPANY_ID = 'f0e1d2c3-b4a5-4968-8776-655443322110';
const submittedV1 = {
  feedbackId: FEEDBACK_ID,
  title: 'Export as CSV',
  description: '',
  boardId: 'general',
  authorId: PERSON_ID,
};
const submittedV2 = {
  ...submittedV1,
  statusId: 'open',
  moderation: 'approved',
  source: 'app',
  capturedBy: null,
  quote: null,
  categoryId: null,
};
const byStaff = { feedbackId: FEEDBACK_ID, by: STAFF_ID };
const posted = {
  commentId: COMMENT_ID,
  feedbackId: FEEDBACK_ID,
  parentId: null,
  authorId: PERSON_ID,
  byStaff: false,
  visibility: 'public',
  body: 'Same here',
  mentions: [],
};
const company = {
  companyId: COMPANY_ID,
  externalId: 'org_311',
  name: 'Northwind',
  domain: null,
  plan: null,
  mrrCents: 0,
  segment: null,
  attributes: {},
};

/**
 * Payloads that a consumer must reject, besides the generic ones derived from the schema, by
 * event type and schema version (`catalogKey`).
 */
const ITEM_ID = '6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d';
const SPRINT_ID = '7c8d9e0f-1a2b-4c3d-9e4f-5a6b7c8d9e0f';
const INITIATIVE_ID = '9e0f1a2b-3c4d-4e5f-a061-7c8d9e0f1a2b';
const RELEASE_ID = 'a0f1a2b3-c4d5-4e6f-8071-8d9e0f1a2b3c';
const item = { itemId: ITEM_ID, by: STAFF_ID };
const sprint = { sprintId: SPRINT_ID, by: STAFF_ID };
const initiative = { initiativeId: INITIATIVE_ID, by: STAFF_ID };
const release = { releaseId: RELEASE_ID, by: STAFF_ID };
const notifiedAbout = {
  notificationId: COMPANY_ID,
  personId: PERSON_ID,
  feedbackId: FEEDBACK_ID,
  feedbackTitle: 'Export as CSV',
  by: STAFF_ID,
};
/** A realistic PersonNotified of each kind but the catalog example's (`feedback_shipped`). */
const notifiedOf = {
  status_changed: {
    ...notifiedAbout,
    kind: 'status_changed',
    statusId: 'planned',
    statusName: 'Planned',
  },
  comment_posted: { ...notifiedAbout, kind: 'comment_posted', commentId: COMMENT_ID },
  feedback_merged: {
    ...notifiedAbout,
    kind: 'feedback_merged',
    intoFeedbackId: ITEM_ID,
    intoFeedbackTitle: 'CSV export of the inbox',
  },
  mentioned: { ...notifiedAbout, kind: 'mentioned', commentId: COMMENT_ID },
};
const omit = (data: Record<string, unknown>, field: string) =>
  Object.fromEntries(Object.entries(data).filter(([key]) => key !== field));
const criterion = {
  id: COMMENT_ID,
  given: 'a signed-in customer',
  when: 'they export',
  then: 'a CSV downloads',
  met: false,
};

const handMadeBroken: Record<string, [string, unknown][]> = {
  [catalogKey('WorkspaceCreated', 1)]: [
    ['slug with capitals', { workspaceId: WORKSPACE_ID, name: 'Acme', slug: 'Acme' }],
    ['name of one character', { workspaceId: WORKSPACE_ID, name: 'A', slug: 'a' }],
  ],
  [catalogKey('WorkspaceRenamed', 1)]: [
    ['workspaceId not a uuid', { workspaceId: 'acme', name: 'Acme Product' }],
  ],
  [catalogKey('WorkspaceSingleSignOnConfigured', 1)]: [
    [
      'a customer role',
      {
        workspaceId: WORKSPACE_ID,
        enabled: true,
        issuer: 'https://login.acme.example',
        clientId: 'chorus',
        roleClaim: null,
        roleMap: {},
        defaultRole: 'customer',
      },
    ],
  ],
  [catalogKey('WorkspacePortalSecretRotated', 1)]: [
    ['no one rotating', { workspaceId: WORKSPACE_ID, secretId: WORKSPACE_ID }],
  ],
  [catalogKey('CustomerErased', 1)]: [['no one erasing', { customerId: WORKSPACE_ID }]],
  [catalogKey('ApiKeyCreated', 1)]: [
    [
      'an unknown scope',
      {
        keyId: WORKSPACE_ID,
        name: 'Zapier',
        scopes: ['root'],
        prefix: 'chorus_key_3fQa',
        expiresAt: null,
        createdBy: WORKSPACE_ID,
      },
    ],
    [
      'no scope',
      {
        keyId: WORKSPACE_ID,
        name: 'Zapier',
        scopes: [],
        prefix: 'chorus_key_3fQa',
        expiresAt: null,
        createdBy: WORKSPACE_ID,
      },
    ],
  ],
  [catalogKey('ApiKeyRevoked', 1)]: [['no keyId', { revokedBy: WORKSPACE_ID }]],
  [catalogKey('WebhookCreated', 1)]: [
    ['no event type', { ...eventCatalog['WebhookCreated@1']!.example, eventTypes: [] }],
    ['an unknown kind', { ...eventCatalog['WebhookCreated@1']!.example, kind: 'teams' }],
    [
      'an event type that is no CloudEvent type',
      { ...eventCatalog['WebhookCreated@1']!.example, eventTypes: ['FeedbackSubmitted'] },
    ],
  ],
  [catalogKey('WebhookChanged', 1)]: [
    ['no one changing', { webhookId: WORKSPACE_ID, description: 'CRM' }],
  ],
  [catalogKey('WebhookPaused', 1)]: [
    ['an unknown reason', { webhookId: WORKSPACE_ID, reason: 'bored', by: null }],
  ],
  [catalogKey('WebhookResumed', 1)]: [['no one resuming', { webhookId: WORKSPACE_ID }]],
  [catalogKey('WebhookSecretRotated', 1)]: [
    ['webhookId not a uuid', { webhookId: 'x', by: WORKSPACE_ID }],
  ],
  [catalogKey('WebhookDeleted', 1)]: [['no webhookId', { by: WORKSPACE_ID }]],
  [catalogKey('PersonJoined', 1)]: [
    ['an unknown role', { personId: WORKSPACE_ID, role: 'owner', via: 'sso' }],
    ['an unknown way in', { personId: WORKSPACE_ID, role: 'teammate', via: 'magic' }],
  ],
  [catalogKey('PersonInvited', 1)]: [
    ['no expiry', { personId: WORKSPACE_ID, role: 'teammate', invitedBy: WORKSPACE_ID }],
  ],
  [catalogKey('PersonRoleChanged', 1)]: [
    ['no from', { personId: WORKSPACE_ID, to: 'viewer', changedBy: WORKSPACE_ID }],
  ],
  [catalogKey('PersonDeactivated', 1)]: [['no one deactivating', { personId: WORKSPACE_ID }]],
  [catalogKey('PersonReactivated', 1)]: [
    ['personId not a uuid', { personId: 'x', reactivatedBy: WORKSPACE_ID }],
  ],
  [catalogKey('PersonErased', 1)]: [['no one erasing', { personId: WORKSPACE_ID }]],
  [catalogKey('PersonPasswordChanged', 1)]: [
    ['an unknown way', { personId: WORKSPACE_ID, via: 'admin' }],
  ],
  [catalogKey('BoardCreated', 1)]: [
    [
      'board id with a space',
      { boardId: 'main board', name: 'Main', visibility: 'public', requiresApproval: false },
    ],
    [
      'unknown visibility',
      { boardId: 'main', name: 'Main', visibility: 'secret', requiresApproval: false },
    ],
  ],
  [catalogKey('BoardUpdated', 1)]: [
    ['empty name', { boardId: 'main', name: '' }],
    ['requiresApproval as a string', { boardId: 'main', requiresApproval: 'yes' }],
  ],
  [catalogKey('CategoryCreated', 1)]: [
    ['category id with capitals', { boardId: 'main', categoryId: 'Reporting', name: 'Reporting' }],
    ['board id with an underscore', { boardId: 'main_board', categoryId: 'x', name: 'X' }],
    ['blank name', { boardId: 'main', categoryId: 'reporting', name: '' }],
  ],
  [catalogKey('CategoryRenamed', 1)]: [
    ['name over 60 characters', { boardId: 'main', categoryId: 'reporting', name: 'x'.repeat(61) }],
    ['empty category id', { boardId: 'main', categoryId: '', name: 'Reports' }],
  ],
  [catalogKey('TagCreated', 1)]: [
    ['colour not #rrggbb', { tagId: 'ux', name: 'UX', colour: 'pink' }],
    ['uppercase id', { tagId: 'UX', name: 'UX', colour: '#ff00aa' }],
  ],
  [catalogKey('TagUpdated', 1)]: [
    ['name over 60 characters', { tagId: 'ux', name: 'x'.repeat(61) }],
  ],
  [catalogKey('TagDeleted', 1)]: [['empty tag id', { tagId: '' }]],
  [catalogKey('StatusCreated', 1)]: [
    ['unknown kind', { statusId: 'shipped', name: 'Shipped', colour: '#16a34a', kind: 'finished' }],
  ],
  [catalogKey('StatusUpdated', 1)]: [
    ['colour of three digits', { statusId: 'planned', colour: '#fff' }],
  ],
  [catalogKey('StatusTransitionsSet', 1)]: [
    ['a transition that is not a status id', { statusId: 'open', transitions: ['Under review'] }],
    ['transitions not a list', { statusId: 'open', transitions: 'planned' }],
  ],
  [catalogKey('FeedbackSubmitted', 1)]: [
    ['title too short', { ...submittedV1, title: 'CS' }],
    ['board id with a space', { ...submittedV1, boardId: 'main board' }],
  ],
  [catalogKey('FeedbackSubmitted', 2)]: [
    ['without the v2 fields', submittedV1],
    ['unknown moderation state', { ...submittedV2, moderation: 'hidden' }],
    ['unknown source', { ...submittedV2, source: 'fax' }],
    ['quote over 2000 characters', { ...submittedV2, quote: 'x'.repeat(2_001) }],
    ['without categoryId', { ...submittedV2, categoryId: undefined }],
    ['category id with a space', { ...submittedV2, categoryId: 'the reports' }],
  ],
  [catalogKey('FeedbackEdited', 1)]: [
    [
      'description over 20000 characters',
      { feedbackId: FEEDBACK_ID, description: 'x'.repeat(20_001), editedBy: STAFF_ID },
    ],
  ],
  [catalogKey('FeedbackStatusChanged', 1)]: [
    [
      'unknown status',
      { feedbackId: FEEDBACK_ID, from: 'open', to: 'shipped', changedBy: STAFF_ID },
    ],
  ],
  [catalogKey('FeedbackStatusChanged', 2)]: [
    [
      'without toKind',
      { feedbackId: FEEDBACK_ID, from: 'open', to: 'shipped', changedBy: STAFF_ID },
    ],
    [
      'unknown kind',
      {
        feedbackId: FEEDBACK_ID,
        from: 'open',
        to: 'shipped',
        toKind: 'shipped',
        changedBy: STAFF_ID,
      },
    ],
  ],
  [catalogKey('FeedbackTagged', 1)]: [['tag id with a space', { ...byStaff, tagId: 'u x' }]],
  [catalogKey('FeedbackUntagged', 1)]: [['empty by', { ...byStaff, by: '', tagId: 'ux' }]],
  [catalogKey('FeedbackCategorised', 1)]: [
    ['without categoryId (null takes it out of its category)', byStaff],
    ['category id with capitals', { ...byStaff, categoryId: 'Reporting' }],
    ['empty by', { ...byStaff, by: '', categoryId: null }],
  ],
  [catalogKey('FeedbackApproved', 1)]: [['feedbackId not a uuid', { ...byStaff, feedbackId: 'x' }]],
  [catalogKey('FeedbackRejected', 1)]: [
    ['reason over 500 characters', { ...byStaff, reason: 'x'.repeat(501) }],
  ],
  [catalogKey('FeedbackMarkedSpam', 1)]: [['empty by', { ...byStaff, by: '' }]],
  [catalogKey('FeedbackSpamCleared', 1)]: [
    ['feedbackId not a uuid', { ...byStaff, feedbackId: '0b8e4c62' }],
  ],
  [catalogKey('FeedbackMerged', 1)]: [['intoId not a uuid', { ...byStaff, intoId: 'other' }]],
  [catalogKey('FeedbackDuplicateAbsorbed', 1)]: [
    ['duplicateId not a uuid', { ...byStaff, duplicateId: 'other' }],
  ],
  [catalogKey('FeedbackUnmerged', 1)]: [['fromId not a uuid', { ...byStaff, fromId: 'other' }]],
  [catalogKey('FeedbackDuplicateReleased', 1)]: [
    ['duplicateId not a uuid', { ...byStaff, duplicateId: 'other' }],
  ],
  [catalogKey('VoteCast', 1)]: [['empty voter', { feedbackId: FEEDBACK_ID, voterId: '' }]],
  [catalogKey('VoteCast', 2)]: [
    ['without the v2 fields', { feedbackId: FEEDBACK_ID, voterId: PERSON_ID }],
    [
      'unknown source',
      { feedbackId: FEEDBACK_ID, voterId: PERSON_ID, source: 'fax', capturedBy: null, quote: null },
    ],
  ],
  [catalogKey('VoteWithdrawn', 1)]: [
    ['feedbackId not a uuid', { feedbackId: '0b8e4c62', voterId: 'a7d3f1e2' }],
  ],
  [catalogKey('CommentPosted', 1)]: [
    ['empty body', { ...posted, body: '' }],
    ['unknown visibility', { ...posted, visibility: 'private' }],
    ['21 mentions', { ...posted, mentions: Array.from({ length: 21 }, (_, i) => `u${i}`) }],
  ],
  [catalogKey('CommentEdited', 1)]: [
    [
      'body over 10000 characters',
      { commentId: COMMENT_ID, feedbackId: FEEDBACK_ID, body: 'x'.repeat(10_001), mentions: [] },
    ],
  ],
  [catalogKey('CommentDeleted', 1)]: [
    ['commentId not a uuid', { commentId: 'c1', feedbackId: FEEDBACK_ID }],
  ],
  [catalogKey('CustomerCreated', 1)]: [
    [
      'invalid email',
      { customerId: PERSON_ID, externalId: 'u1', email: 'dana@', name: 'Dana', companyId: null },
    ],
    [
      'empty external id',
      { customerId: PERSON_ID, externalId: '', email: null, name: 'Dana', companyId: null },
    ],
  ],
  [catalogKey('CustomerUpdated', 1)]: [
    ['companyId not a uuid', { customerId: PERSON_ID, companyId: 'northwind' }],
  ],
  [catalogKey('CompanyCreated', 1)]: [
    ['negative MRR', { ...company, mrrCents: -1 }],
    ['MRR in fractions of a cent', { ...company, mrrCents: 12.5 }],
    ['domain that is not one', { ...company, domain: 'not a domain' }],
    ['attribute name with a space', { ...company, attributes: { 'seat count': 3 } }],
  ],
  [catalogKey('CompanyUpdated', 1)]: [
    ['negative MRR', { companyId: COMPANY_ID, mrrCents: -100 }],
    ['an attribute that is a list', { companyId: COMPANY_ID, attributes: { regions: ['EU'] } }],
  ],
  [catalogKey('FeedbackFollowed', 1)]: [
    ['empty person', { feedbackId: FEEDBACK_ID, personId: '' }],
  ],
  [catalogKey('FeedbackUnfollowed', 1)]: [
    ['feedbackId not a uuid', { feedbackId: 'x', personId: PERSON_ID }],
  ],
  [catalogKey('BacklogItemCreated', 1)]: [
    ['an unknown kind', { ...eventCatalog['BacklogItemCreated@1']!.example, kind: 'bug' }],
    ['a negative estimate', { ...eventCatalog['BacklogItemCreated@1']!.example, estimate: -1 }],
    ['a rank with spaces', { ...eventCatalog['BacklogItemCreated@1']!.example, rank: 'a 0' }],
  ],
  [catalogKey('BacklogItemEdited', 1)]: [['a two-letter title', { ...item, title: 'ab' }]],
  [catalogKey('AcceptanceCriteriaChanged', 1)]: [
    ['a criterion without then', { ...item, criteria: [{ ...criterion, then: '' }] }],
  ],
  [catalogKey('AcceptanceCriterionChecked', 1)]: [
    ['met as a string', { ...item, criterionId: COMMENT_ID, met: 'yes' }],
  ],
  [catalogKey('BacklogItemRanked', 1)]: [['an empty rank', { ...item, rank: '' }]],
  [catalogKey('FeedbackLinkedToBacklogItem', 1)]: [
    ['feedbackId not a uuid', { ...item, feedbackId: 'x' }],
  ],
  [catalogKey('FeedbackUnlinkedFromBacklogItem', 1)]: [
    ['feedbackId not a uuid', { ...item, feedbackId: 'x' }],
  ],
  [catalogKey('BacklogItemInitiativeSet', 1)]: [
    ['initiativeId not a uuid', { ...item, initiativeId: 'roadmap' }],
  ],
  [catalogKey('BacklogItemFactorsSet', 1)]: [
    ['an upper-case factor key', { ...item, factors: { Impact: 3 } }],
    ['a factor that is text', { ...item, factors: { impact: 'high' } }],
  ],
  [catalogKey('BacklogItemPlanned', 1)]: [['sprintId not a uuid', { ...item, sprintId: 'next' }]],
  [catalogKey('BacklogItemUnplanned', 1)]: [
    ['an unknown reason', { ...item, sprintId: SPRINT_ID, reason: 'forgotten' }],
  ],
  [catalogKey('BacklogItemWorkStateChanged', 1)]: [
    ['an unknown state', { ...item, sprintId: SPRINT_ID, from: 'todo', to: 'blocked' }],
  ],
  [catalogKey('BacklogItemAccepted', 1)]: [
    ['negative points', { ...item, sprintId: SPRINT_ID, points: -3 }],
  ],
  [catalogKey('BacklogItemRejected', 1)]: [
    ['an empty reason', { ...item, sprintId: SPRINT_ID, reason: '' }],
  ],
  [catalogKey('BacklogItemReleased', 1)]: [['releaseId not a uuid', { ...item, releaseId: '1.0' }]],
  [catalogKey('SprintCreated', 1)]: [
    ['a date that is not a date', { ...eventCatalog['SprintCreated@1']!.example, endDate: 'soon' }],
    ['negative capacity', { ...eventCatalog['SprintCreated@1']!.example, capacity: -1 }],
  ],
  [catalogKey('SprintEdited', 1)]: [['an empty name', { ...sprint, name: '' }]],
  [catalogKey('SprintStarted', 1)]: [['sprintId not a uuid', { sprintId: 'x', by: STAFF_ID }]],
  [catalogKey('SprintCompleted', 1)]: [
    [
      'carried over to a non-id',
      { ...sprint, acceptedItemIds: [], carriedOver: [{ itemId: ITEM_ID, to: 'next' }] },
    ],
  ],
  [catalogKey('ScoringModelDefined', 1)]: [
    ['no factors', { ...eventCatalog['ScoringModelDefined@1']!.example, factors: [] }],
    ['an unknown preset', { ...eventCatalog['ScoringModelDefined@1']!.example, preset: 'moscow' }],
    [
      'an unknown factor source',
      {
        ...eventCatalog['ScoringModelDefined@1']!.example,
        factors: [{ key: 'reach', name: 'Reach', source: { kind: 'tweets' } }],
      },
    ],
  ],
  [catalogKey('ScoringModelRemoved', 1)]: [
    ['a model id with spaces', { modelId: 'my model', by: STAFF_ID }],
  ],
  [catalogKey('ScoringModelActivated', 1)]: [['an empty model id', { modelId: '', by: STAFF_ID }]],
  [catalogKey('InitiativeCreated', 1)]: [
    ['an unknown lane', { ...eventCatalog['InitiativeCreated@1']!.example, lane: 'someday' }],
    ['a quarter like Q1', { ...eventCatalog['InitiativeCreated@1']!.example, quarter: 'Q1' }],
  ],
  [catalogKey('InitiativeEdited', 1)]: [
    ['an unknown visibility', { ...initiative, visibility: 'secret' }],
  ],
  [catalogKey('InitiativeMoved', 1)]: [
    ['an unknown lane', { ...initiative, from: 'now', to: 'never' }],
  ],
  [catalogKey('InitiativeArchived', 1)]: [
    ['initiativeId not a uuid', { initiativeId: 'x', by: STAFF_ID }],
  ],
  [catalogKey('ReleaseCreated', 1)]: [
    ['a date with a time', { ...release, name: '1.0', date: '2027-01-20T10:00:00Z' }],
  ],
  [catalogKey('ReleaseEdited', 1)]: [['an empty name', { ...release, name: '' }]],
  [catalogKey('ReleaseItemAdded', 1)]: [['itemId not a uuid', { ...release, itemId: 'x' }]],
  [catalogKey('ReleaseItemRemoved', 1)]: [['itemId not a uuid', { ...release, itemId: 'x' }]],
  [catalogKey('ChangelogEntryWritten', 1)]: [
    ['a two-letter title', { ...release, title: 'ab', body: '' }],
  ],
  [catalogKey('ChangelogEntryScheduled', 1)]: [
    ['a date without a time', { ...release, publishAt: '2027-01-20' }],
  ],
  [catalogKey('ChangelogEntryUnscheduled', 1)]: [
    ['releaseId not a uuid', { releaseId: 'x', by: STAFF_ID }],
  ],
  [catalogKey('ReleasePublished', 1)]: [
    [
      'feedback ids that are not ids',
      { ...eventCatalog['ReleasePublished@1']!.example, feedbackIds: ['x'] },
    ],
  ],
  [catalogKey('PersonNotified', 1)]: [
    ['no feedback', { ...eventCatalog['PersonNotified@1']!.example, feedbackIds: [] }],
    ['an unknown kind', { ...eventCatalog['PersonNotified@1']!.example, kind: 'newsletter' }],
    ['a status change without its status name', omit(notifiedOf.status_changed, 'statusName')],
    ['a status id that is no slug', { ...notifiedOf.status_changed, statusId: 'Planned!' }],
    ['a comment notice without its comment', omit(notifiedOf.comment_posted, 'commentId')],
    ['a comment notice of another kind', { ...notifiedOf.comment_posted, kind: 'status_changed' }],
    ['a merge without where it went', omit(notifiedOf.feedback_merged, 'intoFeedbackId')],
    ['a merge into an untitled item', { ...notifiedOf.feedback_merged, intoFeedbackTitle: '' }],
    ['a mention by nobody', { ...notifiedOf.mentioned, by: '' }],
    ['a mention on feedback that is no id', { ...notifiedOf.mentioned, feedbackId: 'x' }],
  ],
  [catalogKey('NotificationsRead', 1)]: [
    ['no notifications', { personId: PERSON_ID, notificationIds: [] }],
  ],
  [catalogKey('NotificationPreferencesChanged', 1)]: [
    [
      'an unknown category',
      { personId: PERSON_ID, categories: { newsletter: false }, by: PERSON_ID, via: 'settings' },
    ],
    [
      'a category that is not on or off',
      { personId: PERSON_ID, categories: { shipped: 'no' }, by: PERSON_ID, via: 'settings' },
    ],
    [
      'an unknown way of changing',
      { personId: PERSON_ID, categories: { shipped: false }, by: PERSON_ID, via: 'email' },
    ],
  ],
};

describe('each committed schema, with ajv (draft 2020-12, strict)', () => {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  // The schemas carry zod's uuid pattern beside `format: uuid`; the pattern does the checking.
  ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  // Likewise zod's email pattern beside `format: email`.
  ajv.addFormat('email', true);
  // And zod's ISO date and date-time patterns beside `format: date` / `date-time`.
  ajv.addFormat('date', true);
  ajv.addFormat('date-time', true);

  describe.each(publishedEventTypes().map((p) => [p.cloudEventType, p] as const))(
    '%s',
    (name, p) => {
      const schema = committed(`${name}.json`);
      const key = catalogKey(p.type, p.schemaVersion);
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
      // A union is checked field by field in the shape of its example.
      const shape =
        schema.oneOf?.find((variant) => ajv.validate(variant, schema.examples[0])) ?? schema;
      const broken: [string, unknown][] = [
        ...shape.required.map((field): [string, unknown] => {
          const data = example();
          delete data[field];
          return [`without required ${field}`, data];
        }),
        ...Object.entries(shape.properties).map(([field, property]): [string, unknown] =>
          isNumeric(property)
            ? [`${field} as a string`, { ...example(), [field]: '42' }]
            : [`${field} as a number`, { ...example(), [field]: 42 }],
        ),
        ['an array', [example()]],
        ['null', null],
        ...(handMadeBroken[key] ?? []),
      ];

      it('has hand-made broken payloads to check', () => {
        expect(handMadeBroken[key]?.length).toBeGreaterThan(0);
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

  it.each(Object.entries(notifiedOf))(
    'com.chorus.notifications.person-notified.v1 accepts a realistic %s, as zod does',
    (_kind, data) => {
      const validate = ajv.getSchema(schemaIdOf('com.chorus.notifications.person-notified.v1'))!;
      expect(validate(data) ? 'valid' : ajv.errorsText(validate.errors)).toBe('valid');
      expect(chorusEvents.parse('PersonNotified', 1, data)).toEqual(data);
    },
  );
});
