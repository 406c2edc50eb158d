/**
 * The prose and the example payload of every published event type and schema version. The schema
 * itself comes from the domain's zod definition; this is what a subscriber reads beside it.
 *
 * A new event type or schema version in `chorusEvents` needs an entry here before its JSON Schema
 * can be generated: published contracts are documented, not just typed.
 */
export type EventContractDoc = {
  /** What happened, when it is published, and anything a consumer must know to use it. */
  description: string;
  /** A realistic payload (the Kafka record's value); embedded in the schema's `examples`. */
  example: Record<string, unknown>;
};

export const catalogKey = (type: string, schemaVersion: number): string =>
  `${type}@${schemaVersion}`;

const WORKSPACE_ID = '3f1c2a9e-7b4d-4c1a-9e2f-5a6b7c8d9e0f';
const FEEDBACK_ID = '0b8e4c62-5d1f-4a7e-8c3b-2f9d6e1a4b57';
const AUTHOR_ID = 'a7d3f1e2-9c4b-4e8a-b6d5-1f2e3d4c5b6a';
const STAFF_ID = 'c2e9a4b7-3d8f-4b1c-a5e6-7d8c9b0a1f2e';

export const eventCatalog: Record<string, EventContractDoc> = {
  [catalogKey('WorkspaceCreated', 1)]: {
    description:
      'A workspace was created: the first event of its `workspace-<workspaceId>` stream. The slug names the workspace in URLs.',
    example: { workspaceId: WORKSPACE_ID, name: 'Acme Product', slug: 'acme-product' },
  },
  [catalogKey('WorkspaceRenamed', 1)]: {
    description:
      'A workspace got a new display name. The slug does not change. Carries the whole new name.',
    example: { workspaceId: WORKSPACE_ID, name: 'Acme Product Feedback' },
  },
  [catalogKey('FeedbackSubmitted', 1)]: {
    description:
      'Someone submitted a feedback item to a board: the first event of its `feedback-<feedbackId>` stream. A new item is open for voting. `description` is markdown and may be empty.',
    example: {
      feedbackId: FEEDBACK_ID,
      title: 'Export the inbox as CSV',
      description: 'We review feedback in spreadsheets every Friday; a **CSV export** would help.',
      boardId: 'general',
      authorId: AUTHOR_ID,
    },
  },
  [catalogKey('FeedbackEdited', 1)]: {
    description:
      'A feedback item was edited. Only the fields that changed are present; an absent field keeps its previous value.',
    example: {
      feedbackId: FEEDBACK_ID,
      title: 'Export the inbox as CSV or XLSX',
      editedBy: STAFF_ID,
    },
  },
  [catalogKey('FeedbackStatusChanged', 1)]: {
    description:
      'A feedback item moved through the workflow (open, under_review, planned, in_progress, done, declined). Voting is closed on done and declined items.',
    example: { feedbackId: FEEDBACK_ID, from: 'open', to: 'planned', changedBy: STAFF_ID },
  },
  [catalogKey('VoteCast', 1)]: {
    description:
      'A person voted for a feedback item. Each voter has one ballot per item (stream `ballot-<feedbackId>-<voterId>`), so a voter counts at most once; the record is keyed by the feedback stream, so it follows the item it is for.',
    example: { feedbackId: FEEDBACK_ID, voterId: AUTHOR_ID },
  },
  [catalogKey('VoteWithdrawn', 1)]: {
    description:
      'A person withdrew their vote from a feedback item. Only follows a VoteCast of the same ballot; keyed by the feedback stream like VoteCast.',
    example: { feedbackId: FEEDBACK_ID, voterId: AUTHOR_ID },
  },
};
