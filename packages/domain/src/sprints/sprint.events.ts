import { z } from 'zod';
import { defineEvent } from '../shared/event-registry';

export const IsoDate = z.iso.date('Use a date like 2027-01-31.');
export const SprintName = z
  .string()
  .trim()
  .min(1, 'A sprint needs a name.')
  .max(100, 'A sprint name must be at most 100 characters.');
export const SprintGoal = z.string().trim().max(1000, 'A goal must be at most 1,000 characters.');
/** Points the team expects to finish; planning past it warns but is allowed. */
export const Capacity = z
  .number()
  .min(0, 'Capacity cannot be negative.')
  .max(10_000, 'Capacity must be at most 10,000 points.');

export const SprintCreatedV1 = defineEvent(
  'SprintCreated',
  1,
  z.object({
    sprintId: z.uuid(),
    name: SprintName,
    goal: SprintGoal,
    startDate: IsoDate,
    endDate: IsoDate,
    capacity: Capacity,
    by: z.string().min(1),
  }),
);
export const SprintEditedV1 = defineEvent(
  'SprintEdited',
  1,
  z.object({
    sprintId: z.uuid(),
    name: SprintName.optional(),
    goal: SprintGoal.optional(),
    startDate: IsoDate.optional(),
    endDate: IsoDate.optional(),
    capacity: Capacity.optional(),
    by: z.string().min(1),
  }),
);
export const SprintStartedV1 = defineEvent(
  'SprintStarted',
  1,
  z.object({ sprintId: z.uuid(), by: z.string().min(1) }),
);
/**
 * The sprint is over. Accepted items stay with it (its velocity); each unfinished item went back
 * to the backlog (`to: null`) or into another sprint, by events on the items' own streams.
 */
export const SprintCompletedV1 = defineEvent(
  'SprintCompleted',
  1,
  z.object({
    sprintId: z.uuid(),
    acceptedItemIds: z.array(z.uuid()),
    carriedOver: z.array(z.object({ itemId: z.uuid(), to: z.uuid().nullable() })),
    by: z.string().min(1),
  }),
);

type DataOf<D extends { schema: z.ZodType }> = z.infer<D['schema']>;
export type SprintEvent =
  | { type: 'SprintCreated'; data: DataOf<typeof SprintCreatedV1> }
  | { type: 'SprintEdited'; data: DataOf<typeof SprintEditedV1> }
  | { type: 'SprintStarted'; data: DataOf<typeof SprintStartedV1> }
  | { type: 'SprintCompleted'; data: DataOf<typeof SprintCompletedV1> };

export const sprintEventDefinitions = [
  SprintCreatedV1,
  SprintEditedV1,
  SprintStartedV1,
  SprintCompletedV1,
];

export const sprintStreamId = (sprintId: string): string => `sprint-${sprintId}`;
