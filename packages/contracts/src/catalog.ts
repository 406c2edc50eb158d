/**
 * The prose and the example payload of every published event type and schema version. The schema
 * itself comes from the domain's zod definition; this is what a subscriber reads beside it.
 *
 * A new event type or schema version in `chorusEvents` needs an entry here before its JSON Schema
 * can be generated: published contracts are documented, not just typed.
 */
import { catalogKey, type EventContractDoc } from './catalog-key';
import { planningEventCatalog } from './planning-catalog';

export { catalogKey, type EventContractDoc } from './catalog-key';

const WORKSPACE_ID = '3f1c2a9e-7b4d-4c1a-9e2f-5a6b7c8d9e0f';
const FEEDBACK_ID = '0b8e4c62-5d1f-4a7e-8c3b-2f9d6e1a4b57';
const AUTHOR_ID = 'a7d3f1e2-9c4b-4e8a-b6d5-1f2e3d4c5b6a';
const STAFF_ID = 'c2e9a4b7-3d8f-4b1c-a5e6-7d8c9b0a1f2e';
const SURVIVOR_ID = '5d6e7f80-1a2b-4c3d-8e4f-5a6b7c8d9e0f';
const COMMENT_ID = '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b';
const PARENT_COMMENT_ID = '4b5c6d7e-8f90-4a1b-9c2d-3e4f5a6b7c8d';
const CUSTOMER_ID = 'e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b';
const COMPANY_ID = 'f0e1d2c3-b4a5-4968-8776-655443322110';

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
  [catalogKey('WorkspaceSingleSignOnConfigured', 1)]: {
    description:
      "An admin configured single sign-on with the organisation's OIDC identity provider: its issuer and Chorus's client id there, and how a claim of the ID token maps to roles (`defaultRole` for anyone else, or null to let nobody else in). The client secret is never in an event.",
    example: {
      workspaceId: WORKSPACE_ID,
      enabled: true,
      issuer: 'https://login.acme.example',
      clientId: 'chorus',
      roleClaim: 'groups',
      roleMap: { 'product-managers': 'product_manager', 'chorus-admins': 'admin' },
      defaultRole: 'teammate',
    },
  },
  [catalogKey('WorkspacePortalSecretRotated', 1)]: {
    description:
      "An admin made a new secret for the host application to sign its users' sign-in tokens with (HS256 JWTs the portal and widget accept, so a product's users vote as themselves). The previous secret stops working. The secret is never in an event.",
    example: { workspaceId: WORKSPACE_ID, secretId: SURVIVOR_ID, rotatedBy: STAFF_ID },
  },
  [catalogKey('ApiKeyCreated', 1)]: {
    description:
      'An admin created an API key for a service, on the `api-keys-<workspaceId>` stream. Scopes: `read` (what a viewer may read), `write` (everything but admin-only actions), `admin`. The secret is never in an event: `prefix` is its first characters, to recognise it by. `expiresAt` is null for a key that lasts until revoked.',
    example: {
      keyId: SURVIVOR_ID,
      name: 'Zapier sync',
      scopes: ['read', 'write'],
      prefix: 'chorus_key_3fQa',
      expiresAt: '2027-11-29T00:00:00.000Z',
      createdBy: STAFF_ID,
    },
  },
  [catalogKey('ApiKeyRevoked', 1)]: {
    description:
      'An admin revoked an API key: from now on requests with it answer 401. Revoking a revoked key appends nothing.',
    example: { keyId: SURVIVOR_ID, revokedBy: STAFF_ID },
  },
  [catalogKey('WebhookCreated', 1)]: {
    description:
      "An admin subscribed a URL to the workspace's events, on the `webhook-<webhookId>` stream: `webhook` posts each chosen event as a signed CloudEvent (Standard Webhooks), `slack` posts a Block Kit message to a Slack incoming webhook. `eventTypes` are CloudEvent types, or `*` for all. `url` is as shown: a Slack URL's last segment and any query string are masked, for they are credentials; the URL and the signing secret are never in an event.",
    example: {
      webhookId: SURVIVOR_ID,
      kind: 'webhook',
      url: 'https://crm.acme.example/hooks/chorus',
      eventTypes: ['com.chorus.feedback.submitted.v2', 'com.chorus.roadmap.release-published.v1'],
      description: 'Sales CRM',
      by: STAFF_ID,
    },
  },
  [catalogKey('WebhookChanged', 1)]: {
    description:
      'An admin changed a subscription. Only the fields that changed are present; `url` is as shown (masked like in WebhookCreated) and present whenever the URL changed, even if it is shown alike.',
    example: {
      webhookId: SURVIVOR_ID,
      eventTypes: ['*'],
      description: 'Sales CRM, everything',
      by: STAFF_ID,
    },
  },
  [catalogKey('WebhookPaused', 1)]: {
    description:
      'A subscription stopped receiving events: an admin paused it (`by_admin`), or Chorus did because its deliveries kept failing for a day or its receiver answered 410 Gone (`failing`, `by` null). Events appended while it is paused are not sent to it.',
    example: { webhookId: SURVIVOR_ID, reason: 'failing', by: null },
  },
  [catalogKey('WebhookResumed', 1)]: {
    description:
      'An admin resumed a paused subscription: events appended from now on are sent to it again, and its deliveries waiting for a retry go on.',
    example: { webhookId: SURVIVOR_ID, by: STAFF_ID },
  },
  [catalogKey('WebhookSecretRotated', 1)]: {
    description:
      'An admin made a new signing secret for a subscription. Deliveries are signed with the new and the previous secret for 24 hours, so the receiver can switch without missing one. The secret is never in an event.',
    example: { webhookId: SURVIVOR_ID, by: STAFF_ID },
  },
  [catalogKey('WebhookDeleted', 1)]: {
    description:
      'An admin deleted a subscription: nothing more is sent to it, not even the deliveries still waiting for a retry.',
    example: { webhookId: SURVIVOR_ID, by: STAFF_ID },
  },
  [catalogKey('PersonJoined', 1)]: {
    description:
      'Someone became a member of the workspace, on their `person-<personId>` stream: provisioned with the workspace, by accepting an invitation, on first single sign-on, or (customers) on first sign-in to the portal. Names and emails are personal data and are never in events: read them from the people API.',
    example: { personId: AUTHOR_ID, role: 'product_owner', via: 'invitation' },
  },
  [catalogKey('PersonInvited', 1)]: {
    description:
      'An admin invited someone into the workspace with a role. The invitation can be accepted until `expiresAt` (seven days).',
    example: {
      personId: AUTHOR_ID,
      role: 'teammate',
      invitedBy: STAFF_ID,
      expiresAt: '2026-12-06T10:00:00.000Z',
    },
  },
  [catalogKey('PersonRoleChanged', 1)]: {
    description:
      "An admin changed a person's role (docs/permissions.md says what each role may do). The last active admin cannot lose the role.",
    example: { personId: AUTHOR_ID, from: 'teammate', to: 'product_manager', changedBy: STAFF_ID },
  },
  [catalogKey('PersonDeactivated', 1)]: {
    description:
      'An admin deactivated a person: their sessions and tokens stop working at once. Their past actions stay in the log.',
    example: { personId: AUTHOR_ID, deactivatedBy: STAFF_ID },
  },
  [catalogKey('PersonReactivated', 1)]: {
    description: 'An admin let a deactivated person back in, with the role they had.',
    example: { personId: AUTHOR_ID, reactivatedBy: STAFF_ID },
  },
  [catalogKey('PersonErased', 1)]: {
    description:
      "An admin erased a person's account (GDPR): their name and email are gone from Chorus and they can never sign in again. What they did stays, under their id. Drop what you kept of them.",
    example: { personId: AUTHOR_ID, erasedBy: STAFF_ID },
  },
  [catalogKey('PersonPasswordChanged', 1)]: {
    description:
      'A person set a new password, themselves or with an emailed reset code; their other sessions end. The password is never in an event.',
    example: { personId: AUTHOR_ID, via: 'self' },
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
  [catalogKey('FeedbackSubmitted', 2)]: {
    description:
      "Someone submitted a feedback item to a board: the first event of its `feedback-<feedbackId>` stream. v2 adds where it starts in the workspace's own workflow (`statusId`), whether it awaits a moderator (`moderation`: `approved`, or `pending` for a customer's post on a board that requires approval), the channel it came through (`source`), and, when a teammate captured it for a customer, who did (`capturedBy`; `authorId` is then the customer) and the customer's words (`quote`), and the category of its board it was filed under (`categoryId`, null when none; see FeedbackCategorised). `description` is markdown and may be empty.",
    example: {
      feedbackId: FEEDBACK_ID,
      title: 'Export the inbox as CSV',
      description: 'We review feedback in spreadsheets every Friday; a **CSV export** would help.',
      boardId: 'general',
      authorId: CUSTOMER_ID,
      statusId: 'open',
      moderation: 'approved',
      source: 'sales_call',
      capturedBy: STAFF_ID,
      quote: 'Our finance team lives in spreadsheets.',
      categoryId: 'reporting',
    },
  },
  [catalogKey('FeedbackStatusChanged', 2)]: {
    description:
      "A feedback item moved through its workspace's workflow. Status ids are the workspace's own (a status can be renamed, its id never changes); `toKind` is what the new status meant when it moved: `open` and `active` accept votes, `done` and `closed` do not.",
    example: {
      feedbackId: FEEDBACK_ID,
      from: 'in_progress',
      to: 'shipped',
      toKind: 'done',
      changedBy: STAFF_ID,
    },
  },
  [catalogKey('FeedbackTagged', 1)]: {
    description:
      "A teammate tagged a feedback item with one of the workspace's tags. Tagging it again with the same tag publishes nothing.",
    example: { feedbackId: FEEDBACK_ID, by: STAFF_ID, tagId: 'reporting' },
  },
  [catalogKey('FeedbackUntagged', 1)]: {
    description: 'A teammate removed a tag from a feedback item.',
    example: { feedbackId: FEEDBACK_ID, by: STAFF_ID, tagId: 'reporting' },
  },
  [catalogKey('FeedbackCategorised', 1)]: {
    description:
      "A feedback item was filed under one of its board's categories, moved to another, or taken out of its category (`categoryId` null); teammates do this. It is also published right after a FeedbackEdited that moved the item to a board without a category of that id, with `categoryId` null and `by` the person who moved it (the author may move their own post). Filing an item under the category it is already in publishes nothing.",
    example: { feedbackId: FEEDBACK_ID, by: STAFF_ID, categoryId: 'reporting' },
  },
  [catalogKey('FeedbackApproved', 1)]: {
    description:
      'A moderator approved a pending post (or one rejected earlier): it is now public and open for voting.',
    example: { feedbackId: FEEDBACK_ID, by: STAFF_ID },
  },
  [catalogKey('FeedbackRejected', 1)]: {
    description:
      'A moderator rejected a pending post, with an optional reason (empty when none was given). Rejected posts stay hidden and take no votes; published feedback is marked as spam instead.',
    example: { feedbackId: FEEDBACK_ID, by: STAFF_ID, reason: 'Duplicate of an existing request.' },
  },
  [catalogKey('FeedbackMarkedSpam', 1)]: {
    description:
      'A teammate marked a feedback item as spam: it is hidden and takes no votes until the mark is cleared.',
    example: { feedbackId: FEEDBACK_ID, by: STAFF_ID },
  },
  [catalogKey('FeedbackSpamCleared', 1)]: {
    description: 'A teammate cleared the spam mark of a feedback item: it is visible again.',
    example: { feedbackId: FEEDBACK_ID, by: STAFF_ID },
  },
  [catalogKey('FeedbackMerged', 1)]: {
    description:
      "A teammate merged this feedback item (the duplicate) into another (`intoId`). On the duplicate's stream, published together with FeedbackDuplicateAbsorbed on the survivor's. The duplicate now redirects to the survivor and takes no votes; its votes stay where they are and count towards the survivor.",
    example: { feedbackId: FEEDBACK_ID, by: STAFF_ID, intoId: SURVIVOR_ID },
  },
  [catalogKey('FeedbackDuplicateAbsorbed', 1)]: {
    description:
      "A feedback item (the survivor, `feedbackId`) absorbed a duplicate merged into it (`duplicateId`). On the survivor's stream, published together with FeedbackMerged on the duplicate's.",
    example: { feedbackId: SURVIVOR_ID, by: STAFF_ID, duplicateId: FEEDBACK_ID },
  },
  [catalogKey('FeedbackUnmerged', 1)]: {
    description:
      'A teammate unmerged this feedback item from the one it was merged into (`fromId`): it stands on its own again, with its own votes. Published together with FeedbackDuplicateReleased on the other item.',
    example: { feedbackId: FEEDBACK_ID, by: STAFF_ID, fromId: SURVIVOR_ID },
  },
  [catalogKey('FeedbackDuplicateReleased', 1)]: {
    description:
      "A feedback item (`feedbackId`) no longer holds a duplicate that was unmerged from it (`duplicateId`); its demand no longer counts that duplicate's votes.",
    example: { feedbackId: SURVIVOR_ID, by: STAFF_ID, duplicateId: FEEDBACK_ID },
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
  [catalogKey('VoteCast', 2)]: {
    description:
      'A person voted for a feedback item, or a teammate recorded the vote of a customer (`capturedBy`, with the channel in `source` and their words in `quote`; `voterId` is then the customer). One ballot per voter and item (stream `ballot-<feedbackId>-<voterId>`), keyed by the feedback stream like v1.',
    example: {
      feedbackId: FEEDBACK_ID,
      voterId: CUSTOMER_ID,
      source: 'support_ticket',
      capturedBy: STAFF_ID,
      quote: 'We export by hand every week.',
    },
  },
  [catalogKey('BoardCreated', 1)]: {
    description:
      "A teammate created a board in the workspace's catalog (stream `catalog-<workspaceId>`). Every workspace also has the `general` board without an event. A private board is visible to the team only; on a board that requires approval, customers' posts wait for a moderator.",
    example: {
      boardId: 'mobile-app',
      name: 'Mobile app',
      visibility: 'public',
      requiresApproval: true,
    },
  },
  [catalogKey('BoardUpdated', 1)]: {
    description:
      'A teammate changed a board. Only the fields that changed are present; an absent field keeps its previous value.',
    example: { boardId: 'mobile-app', visibility: 'private' },
  },
  [catalogKey('CategoryCreated', 1)]: {
    description:
      'A teammate added a category to a board (stream `catalog-<workspaceId>`): a subdivision of the board, such as "Reporting" or "Permissions", that feedback on it may be filed under. A category id is unique within its board, not across boards: two boards may each have a category with the same id. Boards start without categories.',
    example: { boardId: 'mobile-app', categoryId: 'reporting', name: 'Reporting' },
  },
  [catalogKey('CategoryRenamed', 1)]: {
    description:
      'A teammate renamed a category of a board. Carries the whole new name; the id, and so every feedback item filed under it, is untouched.',
    example: { boardId: 'mobile-app', categoryId: 'reporting', name: 'Reports & exports' },
  },
  [catalogKey('TagCreated', 1)]: {
    description:
      'A teammate created a tag that feedback can be filed under, with its colour (`#rrggbb`).',
    example: { tagId: 'reporting', name: 'Reporting', colour: '#0ea5e9' },
  },
  [catalogKey('TagUpdated', 1)]: {
    description:
      'A teammate renamed or recoloured a tag. Only the fields that changed are present; the id never changes.',
    example: { tagId: 'reporting', name: 'Reports' },
  },
  [catalogKey('TagDeleted', 1)]: {
    description:
      'A teammate deleted a tag from the catalog. Feedback tagged with it is not re-published: ignore the tag where you meet it.',
    example: { tagId: 'reporting' },
  },
  [catalogKey('StatusCreated', 1)]: {
    description:
      "A teammate added a status to the workspace's workflow, with what it means (`kind`: `open` and `active` accept votes, `done` and `closed` do not). It has no transitions until StatusTransitionsSet. The six default statuses exist without events.",
    example: { statusId: 'shipped', name: 'Shipped', colour: '#16a34a', kind: 'done' },
  },
  [catalogKey('StatusUpdated', 1)]: {
    description:
      'A teammate renamed or recoloured a status. Only the fields that changed are present; the id, and so every past status change, is untouched.',
    example: { statusId: 'planned', name: 'Next up' },
  },
  [catalogKey('StatusTransitionsSet', 1)]: {
    description:
      'A teammate set the statuses that feedback in this status may move to, replacing the previous list. An empty list makes the status final.',
    example: { statusId: 'in_progress', transitions: ['planned', 'shipped', 'declined'] },
  },
  [catalogKey('CommentPosted', 1)]: {
    description:
      "Someone commented on a feedback item (stream `comment-<commentId>`), or replied to a top-level comment (`parentId`; replies go one level deep). `internal` comments are teammates' notes that customers never see; `byStaff` says whether a teammate wrote it. `body` is markdown; `mentions` are the teammates mentioned.",
    example: {
      commentId: COMMENT_ID,
      feedbackId: FEEDBACK_ID,
      parentId: PARENT_COMMENT_ID,
      authorId: STAFF_ID,
      byStaff: true,
      visibility: 'public',
      body: 'Thanks! This is **planned** for next quarter.',
      mentions: [],
    },
  },
  [catalogKey('CommentEdited', 1)]: {
    description:
      'The author of a comment changed it. Carries the whole new body and the mentions it adds.',
    example: {
      commentId: COMMENT_ID,
      feedbackId: FEEDBACK_ID,
      body: 'Thanks! This is **planned** for next quarter; @Sam will follow up.',
      mentions: [STAFF_ID],
    },
  },
  [catalogKey('CommentDeleted', 1)]: {
    description:
      'The author of a comment deleted it: hide it. Its replies stay; it takes no new ones.',
    example: { commentId: COMMENT_ID, feedbackId: FEEDBACK_ID },
  },
  [catalogKey('CustomerCreated', 1)]: {
    description:
      'The host application upserted an end user Chorus did not know yet (stream `customer-<customerId>`), by its own id for them (`externalId`). `companyId` links the company they belong to, if any.',
    example: {
      customerId: CUSTOMER_ID,
      externalId: 'user_8812',
      email: 'dana@northwind.example',
      name: 'Dana Whitfield',
      companyId: COMPANY_ID,
    },
  },
  [catalogKey('CustomerUpdated', 1)]: {
    description:
      'An upsert changed a known end user. Only the fields that changed are present; `null` clears a field.',
    example: { customerId: CUSTOMER_ID, name: 'Dana Whitfield-Reyes' },
  },
  [catalogKey('CustomerErased', 1)]: {
    description:
      'An admin erased an end user (GDPR): the key their personal fields were sealed with is destroyed, so their name, email and external id read as erased for every reader from now on. Drop what you kept of them. Their votes and feedback still count.',
    example: { customerId: CUSTOMER_ID, erasedBy: STAFF_ID },
  },
  [catalogKey('CompanyCreated', 1)]: {
    description:
      "The host application upserted a company Chorus did not know yet (stream `company-<companyId>`). `mrrCents` is its monthly recurring revenue in cents, which weighs the demand of its people's votes; `attributes` are the host application's own fields.",
    example: {
      companyId: COMPANY_ID,
      externalId: 'org_311',
      name: 'Northwind Traders',
      domain: 'northwind.example',
      plan: 'Enterprise',
      mrrCents: 1250000,
      segment: 'Mid-market',
      attributes: { seats: 120, region: 'EU', trial: false },
    },
  },
  [catalogKey('CompanyUpdated', 1)]: {
    description:
      'An upsert changed a known company. Only the fields that changed are present; `null` clears a field, and `attributes`, when present, replaces them all.',
    example: { companyId: COMPANY_ID, plan: 'Enterprise Plus', mrrCents: 1500000 },
  },
  [catalogKey('FeedbackFollowed', 1)]: {
    description:
      'A person chose to follow a feedback item, to be notified of its changes (stream `follow-<feedbackId>-<personId>`). Authors and voters follow without this event unless they unfollowed.',
    example: { feedbackId: FEEDBACK_ID, personId: CUSTOMER_ID },
  },
  [catalogKey('FeedbackUnfollowed', 1)]: {
    description:
      'A person stopped following a feedback item, including one they followed as its author or a voter.',
    example: { feedbackId: FEEDBACK_ID, personId: CUSTOMER_ID },
  },
  ...planningEventCatalog,
};
