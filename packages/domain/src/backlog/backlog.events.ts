import { z } from 'zod';
import { defineEvent } from '../shared/event-registry';

export const backlogItemKinds = ['epic', 'story', 'task'] as const;
export const BacklogItemKind = z.enum(backlogItemKinds);
/** Where an item is in its life: waiting in the backlog, worked on in a sprint, accepted, shipped. */
export const workStates = ['todo', 'in_progress', 'in_review', 'done'] as const;
export const WorkState = z.enum(workStates);

export const BacklogTitle = z
  .string()
  .trim()
  .min(3, 'Title must be at least 3 characters.')
  .max(200, 'Title must be at most 200 characters.');
export const BacklogDescription = z
  .string()
  .max(20_000, 'Description must be at most 20,000 characters of markdown.');
const CriterionPart = (part: string) =>
  z
    .string()
    .trim()
    .min(1, `Each acceptance criterion needs a "${part}".`)
    .max(1000, `An acceptance criterion's "${part}" must be at most 1,000 characters.`);
/** One given/when/then acceptance criterion; the Product Owner checks it off when it is met. */
export const AcceptanceCriterion = z.object({
  id: z.uuid(),
  given: CriterionPart('given'),
  when: CriterionPart('when'),
  then: CriterionPart('then'),
  met: z.boolean(),
});
export const AcceptanceCriteria = z
  .array(AcceptanceCriterion)
  .max(50, 'An item may have at most 50 acceptance criteria.');
/** Story points: the usual planning-poker scale and anything in between, 0–100. */
export const Estimate = z
  .number()
  .min(0, 'An estimate cannot be negative.')
  .max(100, 'An estimate must be at most 100 points: split the item.');
export const Labels = z
  .array(
    z
      .string()
      .trim()
      .min(1, 'A label must not be empty.')
      .max(40, 'A label must be at most 40 characters.'),
  )
  .max(20, 'An item may have at most 20 labels.');
/** A fractional-indexing key: items sort by it (then by id), so a move rewrites one item only. */
export const Rank = z
  .string()
  .regex(/^[0-9A-Za-z]{1,64}$/, 'A rank is a fractional-indexing key of letters and digits.');
/** Hand-set values of a scoring model's manual factors (impact, confidence, effort, …). */
export const FactorValues = z.record(
  z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'Factor keys are lower-case letters, digits and _.'),
  z.number().finite('A factor value must be a finite number.'),
);

export const BacklogItemCreatedV1 = defineEvent(
  'BacklogItemCreated',
  1,
  z.object({
    itemId: z.uuid(),
    kind: BacklogItemKind,
    /** A story's epic, a task's story; null at the top. */
    parentId: z.uuid().nullable(),
    title: BacklogTitle,
    description: BacklogDescription,
    acceptanceCriteria: AcceptanceCriteria,
    estimate: Estimate.nullable(),
    labels: Labels,
    ownerId: z.string().min(1).nullable(),
    rank: Rank,
    createdBy: z.string().min(1),
  }),
);
export const BacklogItemEditedV1 = defineEvent(
  'BacklogItemEdited',
  1,
  z.object({
    itemId: z.uuid(),
    title: BacklogTitle.optional(),
    description: BacklogDescription.optional(),
    estimate: Estimate.nullable().optional(),
    labels: Labels.optional(),
    ownerId: z.string().min(1).nullable().optional(),
    parentId: z.uuid().nullable().optional(),
    by: z.string().min(1),
  }),
);
/** The whole ordered list, as rewritten in the editor; `met` is kept for criteria that stay. */
export const AcceptanceCriteriaChangedV1 = defineEvent(
  'AcceptanceCriteriaChanged',
  1,
  z.object({ itemId: z.uuid(), criteria: AcceptanceCriteria, by: z.string().min(1) }),
);
export const AcceptanceCriterionCheckedV1 = defineEvent(
  'AcceptanceCriterionChecked',
  1,
  z.object({ itemId: z.uuid(), criterionId: z.uuid(), met: z.boolean(), by: z.string().min(1) }),
);
export const BacklogItemRankedV1 = defineEvent(
  'BacklogItemRanked',
  1,
  z.object({ itemId: z.uuid(), rank: Rank, by: z.string().min(1) }),
);
export const FeedbackLinkedToBacklogItemV1 = defineEvent(
  'FeedbackLinkedToBacklogItem',
  1,
  z.object({ itemId: z.uuid(), feedbackId: z.uuid(), by: z.string().min(1) }),
);
export const FeedbackUnlinkedFromBacklogItemV1 = defineEvent(
  'FeedbackUnlinkedFromBacklogItem',
  1,
  z.object({ itemId: z.uuid(), feedbackId: z.uuid(), by: z.string().min(1) }),
);
export const BacklogItemInitiativeSetV1 = defineEvent(
  'BacklogItemInitiativeSet',
  1,
  z.object({ itemId: z.uuid(), initiativeId: z.uuid().nullable(), by: z.string().min(1) }),
);
/** Merged into the item's earlier values: a factor not named keeps its value. */
export const BacklogItemFactorsSetV1 = defineEvent(
  'BacklogItemFactorsSet',
  1,
  z.object({ itemId: z.uuid(), factors: FactorValues, by: z.string().min(1) }),
);
export const BacklogItemPlannedV1 = defineEvent(
  'BacklogItemPlanned',
  1,
  z.object({ itemId: z.uuid(), sprintId: z.uuid(), by: z.string().min(1) }),
);
/** Out of its sprint: removed while planning, or carried over when the sprint completed. */
export const BacklogItemUnplannedV1 = defineEvent(
  'BacklogItemUnplanned',
  1,
  z.object({
    itemId: z.uuid(),
    sprintId: z.uuid(),
    reason: z.enum(['removed', 'carried_over']),
    by: z.string().min(1),
  }),
);
export const BacklogItemWorkStateChangedV1 = defineEvent(
  'BacklogItemWorkStateChanged',
  1,
  z.object({
    itemId: z.uuid(),
    sprintId: z.uuid(),
    from: WorkState,
    to: WorkState,
    by: z.string().min(1),
  }),
);
export const BacklogItemAcceptedV1 = defineEvent(
  'BacklogItemAccepted',
  1,
  z.object({
    itemId: z.uuid(),
    sprintId: z.uuid(),
    /** The points it was estimated at when accepted: a sprint's velocity sums these. */
    points: Estimate,
    by: z.string().min(1),
  }),
);
/** Not accepted against its criteria: back to in progress, with the reason the team reads. */
export const BacklogItemRejectedV1 = defineEvent(
  'BacklogItemRejected',
  1,
  z.object({
    itemId: z.uuid(),
    sprintId: z.uuid(),
    reason: z
      .string()
      .trim()
      .min(3, 'Say why the item is not accepted.')
      .max(2000, 'A reason must be at most 2,000 characters.'),
    by: z.string().min(1),
  }),
);
export const BacklogItemReleasedV1 = defineEvent(
  'BacklogItemReleased',
  1,
  z.object({ itemId: z.uuid(), releaseId: z.uuid(), by: z.string().min(1) }),
);

type DataOf<D extends { schema: z.ZodType }> = z.infer<D['schema']>;
export type BacklogItemEvent =
  | { type: 'BacklogItemCreated'; data: DataOf<typeof BacklogItemCreatedV1> }
  | { type: 'BacklogItemEdited'; data: DataOf<typeof BacklogItemEditedV1> }
  | { type: 'AcceptanceCriteriaChanged'; data: DataOf<typeof AcceptanceCriteriaChangedV1> }
  | { type: 'AcceptanceCriterionChecked'; data: DataOf<typeof AcceptanceCriterionCheckedV1> }
  | { type: 'BacklogItemRanked'; data: DataOf<typeof BacklogItemRankedV1> }
  | { type: 'FeedbackLinkedToBacklogItem'; data: DataOf<typeof FeedbackLinkedToBacklogItemV1> }
  | {
      type: 'FeedbackUnlinkedFromBacklogItem';
      data: DataOf<typeof FeedbackUnlinkedFromBacklogItemV1>;
    }
  | { type: 'BacklogItemInitiativeSet'; data: DataOf<typeof BacklogItemInitiativeSetV1> }
  | { type: 'BacklogItemFactorsSet'; data: DataOf<typeof BacklogItemFactorsSetV1> }
  | { type: 'BacklogItemPlanned'; data: DataOf<typeof BacklogItemPlannedV1> }
  | { type: 'BacklogItemUnplanned'; data: DataOf<typeof BacklogItemUnplannedV1> }
  | { type: 'BacklogItemWorkStateChanged'; data: DataOf<typeof BacklogItemWorkStateChangedV1> }
  | { type: 'BacklogItemAccepted'; data: DataOf<typeof BacklogItemAcceptedV1> }
  | { type: 'BacklogItemRejected'; data: DataOf<typeof BacklogItemRejectedV1> }
  | { type: 'BacklogItemReleased'; data: DataOf<typeof BacklogItemReleasedV1> };

export const backlogItemEventDefinitions = [
  BacklogItemCreatedV1,
  BacklogItemEditedV1,
  AcceptanceCriteriaChangedV1,
  AcceptanceCriterionCheckedV1,
  BacklogItemRankedV1,
  FeedbackLinkedToBacklogItemV1,
  FeedbackUnlinkedFromBacklogItemV1,
  BacklogItemInitiativeSetV1,
  BacklogItemFactorsSetV1,
  BacklogItemPlannedV1,
  BacklogItemUnplannedV1,
  BacklogItemWorkStateChangedV1,
  BacklogItemAcceptedV1,
  BacklogItemRejectedV1,
  BacklogItemReleasedV1,
];

export const backlogItemStreamId = (itemId: string): string => `backlog-item-${itemId}`;
