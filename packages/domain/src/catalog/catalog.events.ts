import { z } from 'zod';
import { defineEvent } from '../shared/event-registry';
import { statusKinds } from '../feedback/feedback-workflow';

const Slug = (what: string) =>
  z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9_-]{0,63}$/,
      `${what} id must be 1 to 64 lowercase letters, digits, dashes or underscores.`,
    );
// Board ids keep the foundation's pattern (no underscores): v1 feedback events carry them.
export const BoardIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'Board id must be lowercase letters, digits and dashes.');
export const TagId = Slug('Tag');
export const CategoryId = Slug('Category');
export const StatusId = Slug('Status');
export const CatalogName = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `${what} name must not be empty.`)
    .max(60, `${what} name must be at most 60 characters.`);
export const Colour = z.string().regex(/^#[0-9a-f]{6}$/i, 'Colour must be #rrggbb.');
export const StatusKindSchema = z.enum(statusKinds);
export const BoardVisibility = z.enum(['public', 'private']);

export const BoardCreatedV1 = defineEvent(
  'BoardCreated',
  1,
  z.object({
    boardId: BoardIdSchema,
    name: CatalogName('Board'),
    visibility: BoardVisibility,
    requiresApproval: z.boolean(),
  }),
);
export const BoardUpdatedV1 = defineEvent(
  'BoardUpdated',
  1,
  z.object({
    boardId: BoardIdSchema,
    name: CatalogName('Board').optional(),
    visibility: BoardVisibility.optional(),
    requiresApproval: z.boolean().optional(),
  }),
);
export const CategoryCreatedV1 = defineEvent(
  'CategoryCreated',
  1,
  z.object({ boardId: BoardIdSchema, categoryId: CategoryId, name: CatalogName('Category') }),
);
export const CategoryRenamedV1 = defineEvent(
  'CategoryRenamed',
  1,
  z.object({ boardId: BoardIdSchema, categoryId: CategoryId, name: CatalogName('Category') }),
);
export const TagCreatedV1 = defineEvent(
  'TagCreated',
  1,
  z.object({ tagId: TagId, name: CatalogName('Tag'), colour: Colour }),
);
export const TagUpdatedV1 = defineEvent(
  'TagUpdated',
  1,
  z.object({ tagId: TagId, name: CatalogName('Tag').optional(), colour: Colour.optional() }),
);
export const TagDeletedV1 = defineEvent('TagDeleted', 1, z.object({ tagId: TagId }));
export const StatusCreatedV1 = defineEvent(
  'StatusCreated',
  1,
  z.object({
    statusId: StatusId,
    name: CatalogName('Status'),
    colour: Colour,
    kind: StatusKindSchema,
  }),
);
export const StatusUpdatedV1 = defineEvent(
  'StatusUpdated',
  1,
  z.object({
    statusId: StatusId,
    name: CatalogName('Status').optional(),
    colour: Colour.optional(),
  }),
);
export const StatusTransitionsSetV1 = defineEvent(
  'StatusTransitionsSet',
  1,
  z.object({ statusId: StatusId, transitions: z.array(StatusId) }),
);

type DataOf<D extends { schema: z.ZodType }> = z.infer<D['schema']>;
export type CatalogEvent =
  | { type: 'BoardCreated'; data: DataOf<typeof BoardCreatedV1> }
  | { type: 'BoardUpdated'; data: DataOf<typeof BoardUpdatedV1> }
  | { type: 'CategoryCreated'; data: DataOf<typeof CategoryCreatedV1> }
  | { type: 'CategoryRenamed'; data: DataOf<typeof CategoryRenamedV1> }
  | { type: 'TagCreated'; data: DataOf<typeof TagCreatedV1> }
  | { type: 'TagUpdated'; data: DataOf<typeof TagUpdatedV1> }
  | { type: 'TagDeleted'; data: DataOf<typeof TagDeletedV1> }
  | { type: 'StatusCreated'; data: DataOf<typeof StatusCreatedV1> }
  | { type: 'StatusUpdated'; data: DataOf<typeof StatusUpdatedV1> }
  | { type: 'StatusTransitionsSet'; data: DataOf<typeof StatusTransitionsSetV1> };

export const catalogEventDefinitions = [
  BoardCreatedV1,
  BoardUpdatedV1,
  CategoryCreatedV1,
  CategoryRenamedV1,
  TagCreatedV1,
  TagUpdatedV1,
  TagDeletedV1,
  StatusCreatedV1,
  StatusUpdatedV1,
  StatusTransitionsSetV1,
];
