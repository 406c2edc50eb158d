import { catalogKey, type EventContractDoc } from './catalog-key';

const ITEM_ID = '6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d';
const EPIC_ID = '1b2c3d4e-5f60-4718-a9b0-c1d2e3f4a5b6';
const FEEDBACK_ID = '0b8e4c62-5d1f-4a7e-8c3b-2f9d6e1a4b57';
const STAFF_ID = 'c2e9a4b7-3d8f-4b1c-a5e6-7d8c9b0a1f2e';
const VOTER_ID = 'a7d3f1e2-9c4b-4e8a-b6d5-1f2e3d4c5b6a';
const CRITERION_ID = '2c3d4e5f-6071-4829-b0c1-d2e3f4a5b6c7';
const SPRINT_ID = '7c8d9e0f-1a2b-4c3d-9e4f-5a6b7c8d9e0f';
const NEXT_SPRINT_ID = '8d9e0f1a-2b3c-4d4e-8f50-6b7c8d9e0f1a';
const INITIATIVE_ID = '9e0f1a2b-3c4d-4e5f-a061-7c8d9e0f1a2b';
const RELEASE_ID = 'a0f1a2b3-c4d5-4e6f-8071-8d9e0f1a2b3c';
const NOTIFICATION_ID = 'b1a2b3c4-d5e6-4f70-9182-9e0f1a2b3c4d';

const criterion = {
  id: CRITERION_ID,
  given: 'a Product Owner on the inbox',
  when: 'they choose Export',
  then: 'a CSV of the filtered rows downloads',
  met: false,
};

/** The planning, roadmap and notifications contexts: the work that answers the feedback. */
export const planningEventCatalog: Record<string, EventContractDoc> = {
  [catalogKey('BacklogItemCreated', 1)]: {
    description:
      'A backlog item was created: the first event of its `backlog-item-<itemId>` stream. A story may belong to an epic and a task to a story (`parentId`). `rank` is a fractional-indexing key: sort items by rank (byte order), then by id.',
    example: {
      itemId: ITEM_ID,
      kind: 'story',
      parentId: EPIC_ID,
      title: 'Export the inbox as CSV',
      description: 'Product Owners review feedback in spreadsheets.',
      acceptanceCriteria: [criterion],
      estimate: 5,
      labels: ['reporting'],
      ownerId: STAFF_ID,
      rank: 'a0',
      createdBy: STAFF_ID,
    },
  },
  [catalogKey('BacklogItemEdited', 1)]: {
    description:
      'A backlog item was edited. Only the fields that changed are present; an absent field keeps its value.',
    example: { itemId: ITEM_ID, estimate: 8, labels: ['reporting', 'export'], by: STAFF_ID },
  },
  [catalogKey('AcceptanceCriteriaChanged', 1)]: {
    description:
      "The item's acceptance criteria were rewritten: the whole ordered list. A criterion that stayed keeps its id and whether it was met.",
    example: { itemId: ITEM_ID, criteria: [criterion], by: STAFF_ID },
  },
  [catalogKey('AcceptanceCriterionChecked', 1)]: {
    description: 'One acceptance criterion was checked off as met (or unchecked).',
    example: { itemId: ITEM_ID, criterionId: CRITERION_ID, met: true, by: STAFF_ID },
  },
  [catalogKey('BacklogItemRanked', 1)]: {
    description:
      'The item moved in the ranked backlog. Only the moved item gets an event: its new fractional-indexing key sorts between its new neighbours.',
    example: { itemId: ITEM_ID, rank: 'a0V', by: STAFF_ID },
  },
  [catalogKey('FeedbackLinkedToBacklogItem', 1)]: {
    description:
      'Feedback was linked to the backlog item that answers it (many-to-many). Votes on linked feedback feed live scoring factors; publishing a release marks linked feedback done.',
    example: { itemId: ITEM_ID, feedbackId: FEEDBACK_ID, by: STAFF_ID },
  },
  [catalogKey('FeedbackUnlinkedFromBacklogItem', 1)]: {
    description: 'Feedback was unlinked from a backlog item.',
    example: { itemId: ITEM_ID, feedbackId: FEEDBACK_ID, by: STAFF_ID },
  },
  [catalogKey('BacklogItemInitiativeSet', 1)]: {
    description:
      'The item was put under a roadmap initiative, whose progress it now counts towards; `null` takes it out.',
    example: { itemId: ITEM_ID, initiativeId: INITIATIVE_ID, by: STAFF_ID },
  },
  [catalogKey('BacklogItemFactorsSet', 1)]: {
    description:
      "Hand-set values of scoring factors for the item, merged into its earlier values (a factor not named keeps its value). Live factors (votes, revenue, a segment's votes) are never set by hand.",
    example: { itemId: ITEM_ID, factors: { impact: 3, confidence: 0.8, effort: 2 }, by: STAFF_ID },
  },
  [catalogKey('BacklogItemPlanned', 1)]: {
    description:
      'A ready item (it has acceptance criteria and an estimate) was planned into a sprint; it is now to do.',
    example: { itemId: ITEM_ID, sprintId: SPRINT_ID, by: STAFF_ID },
  },
  [catalogKey('BacklogItemUnplanned', 1)]: {
    description:
      'The item left its sprint and is back in the backlog: `removed` while planning, or `carried_over` when the sprint completed unfinished (a `BacklogItemPlanned` into the next sprint may follow).',
    example: { itemId: ITEM_ID, sprintId: SPRINT_ID, reason: 'carried_over', by: STAFF_ID },
  },
  [catalogKey('BacklogItemWorkStateChanged', 1)]: {
    description: 'The item moved on the sprint board: to do, in progress, in review, done.',
    example: { itemId: ITEM_ID, sprintId: SPRINT_ID, from: 'in_review', to: 'done', by: STAFF_ID },
  },
  [catalogKey('BacklogItemAccepted', 1)]: {
    description:
      "The Product Owner accepted a done item against its acceptance criteria (all met). `points` is its estimate then: a sprint's velocity is the sum over its accepted items.",
    example: { itemId: ITEM_ID, sprintId: SPRINT_ID, points: 5, by: STAFF_ID },
  },
  [catalogKey('BacklogItemRejected', 1)]: {
    description: 'The Product Owner rejected a done item, saying why; it is back in progress.',
    example: {
      itemId: ITEM_ID,
      sprintId: SPRINT_ID,
      reason: 'The export ignores the active filters.',
      by: STAFF_ID,
    },
  },
  [catalogKey('BacklogItemReleased', 1)]: {
    description: 'A published release delivered the item.',
    example: { itemId: ITEM_ID, releaseId: RELEASE_ID, by: STAFF_ID },
  },
  [catalogKey('SprintCreated', 1)]: {
    description:
      'A sprint was created: the first event of its `sprint-<sprintId>` stream. Dates are calendar dates; capacity is in story points.',
    example: {
      sprintId: SPRINT_ID,
      name: 'Sprint 14',
      goal: 'Reporting customers can leave spreadsheets behind.',
      startDate: '2027-01-04',
      endDate: '2027-01-15',
      capacity: 30,
      by: STAFF_ID,
    },
  },
  [catalogKey('SprintEdited', 1)]: {
    description: 'A sprint was edited. Only the fields that changed are present.',
    example: { sprintId: SPRINT_ID, capacity: 26, by: STAFF_ID },
  },
  [catalogKey('SprintStarted', 1)]: {
    description: 'The sprint started: its items can move on the board.',
    example: { sprintId: SPRINT_ID, by: STAFF_ID },
  },
  [catalogKey('SprintCompleted', 1)]: {
    description:
      'The sprint completed. Accepted items stay with it; each unfinished item went back to the backlog (`to: null`) or into another sprint, by events on its own stream in the same transaction.',
    example: {
      sprintId: SPRINT_ID,
      acceptedItemIds: [ITEM_ID],
      carriedOver: [{ itemId: EPIC_ID, to: NEXT_SPRINT_ID }],
      by: STAFF_ID,
    },
  },
  [catalogKey('ScoringModelDefined', 1)]: {
    description:
      "A scoring model of the workspace was defined or redefined (`scoring-<workspaceId>` stream). A factor is set by hand per item (`manual`, with a default) or live from the demand of the item's linked feedback: distinct voters (`votes`), the MRR in cents of their distinct companies (`revenue`), or voters from one segment (`segment_votes`).",
    example: {
      modelId: 'rice',
      name: 'RICE',
      preset: 'rice',
      formula: 'reach * impact * confidence / effort',
      factors: [
        { key: 'reach', name: 'Reach', source: { kind: 'votes' } },
        { key: 'impact', name: 'Impact', source: { kind: 'manual', default: 1 } },
        { key: 'confidence', name: 'Confidence', source: { kind: 'manual', default: 0.8 } },
        { key: 'effort', name: 'Effort', source: { kind: 'manual', default: 1 } },
      ],
      by: STAFF_ID,
    },
  },
  [catalogKey('ScoringModelRemoved', 1)]: {
    description: 'A scoring model was removed. The active model cannot be removed.',
    example: { modelId: 'enterprise-value', by: STAFF_ID },
  },
  [catalogKey('ScoringModelActivated', 1)]: {
    description: 'This model now ranks what to build next; every item is rescored with it.',
    example: { modelId: 'wsjf', by: STAFF_ID },
  },
  [catalogKey('InitiativeCreated', 1)]: {
    description:
      'A roadmap initiative was created in a lane, and optionally a quarter of the timeline. Only `public` initiatives appear on the public roadmap.',
    example: {
      initiativeId: INITIATIVE_ID,
      title: 'Reporting without spreadsheets',
      description: 'Exports, scheduled reports and dashboards.',
      lane: 'now',
      quarter: '2027-Q1',
      visibility: 'public',
      by: STAFF_ID,
    },
  },
  [catalogKey('InitiativeEdited', 1)]: {
    description: 'An initiative was edited. Only the fields that changed are present.',
    example: { initiativeId: INITIATIVE_ID, quarter: '2027-Q2', by: STAFF_ID },
  },
  [catalogKey('InitiativeMoved', 1)]: {
    description: 'An initiative moved between the now, next and later lanes.',
    example: { initiativeId: INITIATIVE_ID, from: 'next', to: 'now', by: STAFF_ID },
  },
  [catalogKey('InitiativeArchived', 1)]: {
    description: 'An initiative was archived: off the roadmap, its history kept.',
    example: { initiativeId: INITIATIVE_ID, by: STAFF_ID },
  },
  [catalogKey('ReleaseCreated', 1)]: {
    description: 'A release was created: the first event of its `release-<releaseId>` stream.',
    example: { releaseId: RELEASE_ID, name: '2027.1', date: '2027-01-20', by: STAFF_ID },
  },
  [catalogKey('ReleaseEdited', 1)]: {
    description: 'A release was renamed or re-dated. Only the fields that changed are present.',
    example: { releaseId: RELEASE_ID, date: '2027-01-22', by: STAFF_ID },
  },
  [catalogKey('ReleaseItemAdded', 1)]: {
    description: 'An accepted backlog item was added to the release.',
    example: { releaseId: RELEASE_ID, itemId: ITEM_ID, by: STAFF_ID },
  },
  [catalogKey('ReleaseItemRemoved', 1)]: {
    description: 'A backlog item was taken out of the release before it was published.',
    example: { releaseId: RELEASE_ID, itemId: ITEM_ID, by: STAFF_ID },
  },
  [catalogKey('ChangelogEntryWritten', 1)]: {
    description:
      "The release's changelog entry as last saved (markdown body). It stays a draft until scheduled or published.",
    example: {
      releaseId: RELEASE_ID,
      title: 'Export your inbox as CSV',
      body: 'Choose **Export** on the inbox to download the filtered rows.',
      by: STAFF_ID,
    },
  },
  [catalogKey('ChangelogEntryScheduled', 1)]: {
    description: 'The changelog entry will be published at `publishAt` (UTC).',
    example: { releaseId: RELEASE_ID, publishAt: '2027-01-20T09:00:00.000Z', by: STAFF_ID },
  },
  [catalogKey('ChangelogEntryUnscheduled', 1)]: {
    description: 'The schedule was dropped: the entry is a draft again.',
    example: { releaseId: RELEASE_ID, by: STAFF_ID },
  },
  [catalogKey('ReleasePublished', 1)]: {
    description:
      'The release and its changelog entry were published. In the same transaction each item got `BacklogItemReleased`, each linked feedback item a `FeedbackStatusChanged` to a done status, and everyone who voted on or followed it a `PersonNotified`.',
    example: {
      releaseId: RELEASE_ID,
      publishedAt: '2027-01-20T09:00:00.000Z',
      itemIds: [ITEM_ID],
      feedbackIds: [FEEDBACK_ID],
      by: STAFF_ID,
    },
  },
  [catalogKey('PersonNotified', 1)]: {
    description:
      "A person was told of something about feedback they asked for, follow or are named in; `kind` says what, and which fields come with it. `feedback_shipped` (`releaseId`, `releaseName`, `feedbackIds`): a release delivered feedback they voted on or followed; all of a release's notifications are one stream, `notifications-release-<releaseId>`, written once, one event per person naming every item of theirs it delivers. The others name one feedback item (`feedbackId`, `feedbackTitle`) and who acted (`by`), in a stream per change, `notifications-<changed stream id>-<its new version>` (`notifications-feedback-<feedbackId>-<version>`, `notifications-comment-<commentId>-1`), written once in the change's transaction: `status_changed` (`statusId`, `statusName`) to its followers when a teammate moves it (a release's move is told as `feedback_shipped` only); `comment_posted` (`commentId`) to its followers for a public comment; `feedback_merged` (`intoFeedbackId`, `intoFeedbackTitle`) to the followers of a duplicate merged into another item; `mentioned` (`commentId`) to a teammate named in a comment, public or internal, instead of `comment_posted`. Never to whoever acted; at most one per person per change.",
    example: {
      notificationId: NOTIFICATION_ID,
      personId: VOTER_ID,
      kind: 'feedback_shipped',
      releaseId: RELEASE_ID,
      releaseName: '2027.1',
      feedbackIds: [FEEDBACK_ID],
    },
  },
  [catalogKey('NotificationsRead', 1)]: {
    description: 'A person read some of their in-app notifications.',
    example: { personId: VOTER_ID, notificationIds: [NOTIFICATION_ID] },
  },
  [catalogKey('NotificationPreferencesChanged', 1)]: {
    description:
      "A person turned categories of email on or off, in their settings (`via: settings`) or with the one-click unsubscribe link of a mail (`via: unsubscribe_link`). Only the categories that changed are named; the others keep following what they were, the default of the person's role until first chosen (everything on; `weekly_digest` only for product managers and admins). Stream `notification-preferences-<personId>`.",
    example: {
      personId: VOTER_ID,
      categories: { shipped: false },
      by: VOTER_ID,
      via: 'unsubscribe_link',
    },
  },
};
