import { z } from 'zod';
import { defineEvent } from '../shared/event-registry';

export const roadmapLanes = ['now', 'next', 'later'] as const;
export const RoadmapLane = z.enum(roadmapLanes);
export const InitiativeVisibility = z.enum(['public', 'internal']);
export const Quarter = z.string().regex(/^\d{4}-Q[1-4]$/, 'A quarter looks like 2027-Q1.');
export const InitiativeTitle = z
  .string()
  .trim()
  .min(3, 'Title must be at least 3 characters.')
  .max(200, 'Title must be at most 200 characters.');
export const InitiativeDescription = z
  .string()
  .max(20_000, 'Description must be at most 20,000 characters of markdown.');

export const InitiativeCreatedV1 = defineEvent(
  'InitiativeCreated',
  1,
  z.object({
    initiativeId: z.uuid(),
    title: InitiativeTitle,
    description: InitiativeDescription,
    lane: RoadmapLane,
    /** Where it sits on the quarter timeline; null until someone commits to one. */
    quarter: Quarter.nullable(),
    visibility: InitiativeVisibility,
    by: z.string().min(1),
  }),
);
export const InitiativeEditedV1 = defineEvent(
  'InitiativeEdited',
  1,
  z.object({
    initiativeId: z.uuid(),
    title: InitiativeTitle.optional(),
    description: InitiativeDescription.optional(),
    quarter: Quarter.nullable().optional(),
    visibility: InitiativeVisibility.optional(),
    by: z.string().min(1),
  }),
);
export const InitiativeMovedV1 = defineEvent(
  'InitiativeMoved',
  1,
  z.object({
    initiativeId: z.uuid(),
    from: RoadmapLane,
    to: RoadmapLane,
    by: z.string().min(1),
  }),
);
export const InitiativeArchivedV1 = defineEvent(
  'InitiativeArchived',
  1,
  z.object({ initiativeId: z.uuid(), by: z.string().min(1) }),
);

type DataOf<D extends { schema: z.ZodType }> = z.infer<D['schema']>;
export type InitiativeEvent =
  | { type: 'InitiativeCreated'; data: DataOf<typeof InitiativeCreatedV1> }
  | { type: 'InitiativeEdited'; data: DataOf<typeof InitiativeEditedV1> }
  | { type: 'InitiativeMoved'; data: DataOf<typeof InitiativeMovedV1> }
  | { type: 'InitiativeArchived'; data: DataOf<typeof InitiativeArchivedV1> };

export const initiativeEventDefinitions = [
  InitiativeCreatedV1,
  InitiativeEditedV1,
  InitiativeMovedV1,
  InitiativeArchivedV1,
];

export const initiativeStreamId = (initiativeId: string): string => `initiative-${initiativeId}`;
