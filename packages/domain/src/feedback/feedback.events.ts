import { z } from 'zod';
import { defineEvent } from '../shared/event-registry';
import {
  BoardIdSchema,
  CategoryId,
  StatusId,
  StatusKindSchema,
  TagId,
} from '../catalog/catalog.events';
import {
  FEEDBACK_DESCRIPTION_MAX,
  FEEDBACK_TITLE_MAX,
  FEEDBACK_TITLE_MIN,
  feedbackSources,
  moderationStates,
} from './feedback-workflow';
import { DefaultFeedbackStatus } from './feedback-status';

export const FeedbackTitle = z
  .string()
  .trim()
  .min(FEEDBACK_TITLE_MIN, `Title must be at least ${FEEDBACK_TITLE_MIN} characters.`)
  .max(FEEDBACK_TITLE_MAX, `Title must be at most ${FEEDBACK_TITLE_MAX} characters.`);
export const FeedbackDescription = z
  .string()
  .max(
    FEEDBACK_DESCRIPTION_MAX,
    `Description must be at most ${FEEDBACK_DESCRIPTION_MAX} characters of markdown.`,
  );
export const BoardId = BoardIdSchema;
export const FeedbackSource = z.enum(feedbackSources);
export const ModerationState = z.enum(moderationStates);
export const CustomerQuote = z
  .string()
  .trim()
  .max(2_000, 'A quote must be at most 2,000 characters.');

const submittedV1 = z.object({
  feedbackId: z.uuid(),
  title: FeedbackTitle,
  description: FeedbackDescription,
  boardId: BoardId,
  authorId: z.string().min(1),
});
export const FeedbackSubmittedV1 = defineEvent('FeedbackSubmitted', 1, submittedV1);
/** v2: where it starts in a custom workflow, whether it awaits approval, and who captured it for whom. */
export const FeedbackSubmittedV2 = defineEvent(
  'FeedbackSubmitted',
  2,
  submittedV1.extend({
    statusId: StatusId,
    moderation: ModerationState,
    source: FeedbackSource,
    /** The teammate who recorded it on the author's behalf, if any. */
    capturedBy: z.string().min(1).nullable(),
    quote: CustomerQuote.nullable(),
    categoryId: CategoryId.nullable(),
  }),
);

export const FeedbackEditedV1 = defineEvent(
  'FeedbackEdited',
  1,
  z.object({
    feedbackId: z.uuid(),
    title: FeedbackTitle.optional(),
    description: FeedbackDescription.optional(),
    boardId: BoardId.optional(),
    editedBy: z.string().min(1),
  }),
);

export const FeedbackStatusChangedV1 = defineEvent(
  'FeedbackStatusChanged',
  1,
  z.object({
    feedbackId: z.uuid(),
    from: DefaultFeedbackStatus,
    to: DefaultFeedbackStatus,
    changedBy: z.string().min(1),
  }),
);
/** v2: status ids of the workspace's own workflow, with the kind the new status had then. */
export const FeedbackStatusChangedV2 = defineEvent(
  'FeedbackStatusChanged',
  2,
  z.object({
    feedbackId: z.uuid(),
    from: StatusId,
    to: StatusId,
    toKind: StatusKindSchema,
    changedBy: z.string().min(1),
  }),
);

const byTeammate = { feedbackId: z.uuid(), by: z.string().min(1) };
export const FeedbackTaggedV1 = defineEvent(
  'FeedbackTagged',
  1,
  z.object({ ...byTeammate, tagId: TagId }),
);
export const FeedbackUntaggedV1 = defineEvent(
  'FeedbackUntagged',
  1,
  z.object({ ...byTeammate, tagId: TagId }),
);
/** Filed under a category of its board, or taken out of one (`categoryId` null). */
export const FeedbackCategorisedV1 = defineEvent(
  'FeedbackCategorised',
  1,
  z.object({ ...byTeammate, categoryId: CategoryId.nullable() }),
);
export const FeedbackApprovedV1 = defineEvent('FeedbackApproved', 1, z.object(byTeammate));
export const RejectionReason = z
  .string()
  .trim()
  .max(500, 'A reason must be at most 500 characters.');
export const FeedbackRejectedV1 = defineEvent(
  'FeedbackRejected',
  1,
  z.object({ ...byTeammate, reason: RejectionReason }),
);
export const FeedbackMarkedSpamV1 = defineEvent('FeedbackMarkedSpam', 1, z.object(byTeammate));
export const FeedbackSpamClearedV1 = defineEvent('FeedbackSpamCleared', 1, z.object(byTeammate));
/** On the duplicate's stream. */
export const FeedbackMergedV1 = defineEvent(
  'FeedbackMerged',
  1,
  z.object({ ...byTeammate, intoId: z.uuid() }),
);
/** On the surviving item's stream, in the same transaction as FeedbackMerged. */
export const FeedbackDuplicateAbsorbedV1 = defineEvent(
  'FeedbackDuplicateAbsorbed',
  1,
  z.object({ ...byTeammate, duplicateId: z.uuid() }),
);
export const FeedbackUnmergedV1 = defineEvent(
  'FeedbackUnmerged',
  1,
  z.object({ ...byTeammate, fromId: z.uuid() }),
);
export const FeedbackDuplicateReleasedV1 = defineEvent(
  'FeedbackDuplicateReleased',
  1,
  z.object({ ...byTeammate, duplicateId: z.uuid() }),
);

type DataOf<D extends { schema: z.ZodType }> = z.infer<D['schema']>;
type V2Only<V2, V1> = Omit<V2, keyof V1> & V1;

export type FeedbackSubmitted = {
  type: 'FeedbackSubmitted';
  /** v1 events lack the v2 fields; readers take the defaults (see `submittedFacts`). */
  data: DataOf<typeof FeedbackSubmittedV1> &
    Partial<V2Only<DataOf<typeof FeedbackSubmittedV2>, DataOf<typeof FeedbackSubmittedV1>>>;
};
export type FeedbackEdited = { type: 'FeedbackEdited'; data: DataOf<typeof FeedbackEditedV1> };
export type FeedbackStatusChanged = {
  type: 'FeedbackStatusChanged';
  data: Omit<DataOf<typeof FeedbackStatusChangedV2>, 'toKind'> & {
    /** Absent on v1 events, whose statuses are the default workflow's. */
    toKind?: DataOf<typeof FeedbackStatusChangedV2>['toKind'];
  };
};
export type FeedbackTagged = { type: 'FeedbackTagged'; data: DataOf<typeof FeedbackTaggedV1> };
export type FeedbackUntagged = {
  type: 'FeedbackUntagged';
  data: DataOf<typeof FeedbackUntaggedV1>;
};
export type FeedbackCategorised = {
  type: 'FeedbackCategorised';
  data: DataOf<typeof FeedbackCategorisedV1>;
};
export type FeedbackApproved = {
  type: 'FeedbackApproved';
  data: DataOf<typeof FeedbackApprovedV1>;
};
export type FeedbackRejected = {
  type: 'FeedbackRejected';
  data: DataOf<typeof FeedbackRejectedV1>;
};
export type FeedbackMarkedSpam = {
  type: 'FeedbackMarkedSpam';
  data: DataOf<typeof FeedbackMarkedSpamV1>;
};
export type FeedbackSpamCleared = {
  type: 'FeedbackSpamCleared';
  data: DataOf<typeof FeedbackSpamClearedV1>;
};
export type FeedbackMerged = { type: 'FeedbackMerged'; data: DataOf<typeof FeedbackMergedV1> };
export type FeedbackDuplicateAbsorbed = {
  type: 'FeedbackDuplicateAbsorbed';
  data: DataOf<typeof FeedbackDuplicateAbsorbedV1>;
};
export type FeedbackUnmerged = {
  type: 'FeedbackUnmerged';
  data: DataOf<typeof FeedbackUnmergedV1>;
};
export type FeedbackDuplicateReleased = {
  type: 'FeedbackDuplicateReleased';
  data: DataOf<typeof FeedbackDuplicateReleasedV1>;
};

export type FeedbackEvent =
  | FeedbackSubmitted
  | FeedbackEdited
  | FeedbackStatusChanged
  | FeedbackTagged
  | FeedbackUntagged
  | FeedbackCategorised
  | FeedbackApproved
  | FeedbackRejected
  | FeedbackMarkedSpam
  | FeedbackSpamCleared
  | FeedbackMerged
  | FeedbackDuplicateAbsorbed
  | FeedbackUnmerged
  | FeedbackDuplicateReleased;

export const feedbackEventDefinitions = [
  FeedbackSubmittedV1,
  FeedbackSubmittedV2,
  FeedbackEditedV1,
  FeedbackStatusChangedV1,
  FeedbackStatusChangedV2,
  FeedbackTaggedV1,
  FeedbackUntaggedV1,
  FeedbackCategorisedV1,
  FeedbackApprovedV1,
  FeedbackRejectedV1,
  FeedbackMarkedSpamV1,
  FeedbackSpamClearedV1,
  FeedbackMergedV1,
  FeedbackDuplicateAbsorbedV1,
  FeedbackUnmergedV1,
  FeedbackDuplicateReleasedV1,
];
