import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import {
  BoardIdSchema,
  BoardVisibility,
  CatalogName,
  CategoryId,
  Colour,
  StatusId,
  StatusKindSchema,
  TagId,
  type CreateBoardInput,
  type CreateCategoryInput,
  type RenameCategoryInput,
  type CreateStatusInput,
  type CreateTagInput,
  type UpdateBoardInput,
  type UpdateStatusInput,
  type UpdateTagInput,
} from '@chorus/domain';

const atLeastOne = (fields: string) => ({ message: `Send at least one of ${fields}.` });
const notEmpty = (body: object) => Object.keys(body).length > 0;

const CreateBoardSchema = z
  .object({
    id: BoardIdSchema,
    name: CatalogName('Board'),
    visibility: BoardVisibility.optional(),
    requiresApproval: z.boolean().optional().describe('Customer posts wait for approval'),
  })
  .strict() satisfies z.ZodType<CreateBoardInput>;
export class CreateBoardDto extends createZodDto(CreateBoardSchema) {}

const UpdateBoardSchema = CreateBoardSchema.omit({ id: true })
  .partial()
  .strict()
  .refine(
    notEmpty,
    atLeastOne('name, visibility or requiresApproval'),
  ) satisfies z.ZodType<UpdateBoardInput>;
export class UpdateBoardDto extends createZodDto(UpdateBoardSchema) {}

const CreateCategorySchema = z
  .object({ id: CategoryId, name: CatalogName('Category') })
  .strict() satisfies z.ZodType<CreateCategoryInput>;
export class CreateCategoryDto extends createZodDto(CreateCategorySchema) {}

const RenameCategorySchema = z
  .object({ name: CatalogName('Category') })
  .strict() satisfies z.ZodType<RenameCategoryInput>;
export class RenameCategoryDto extends createZodDto(RenameCategorySchema) {}

const CreateTagSchema = z
  .object({ id: TagId, name: CatalogName('Tag'), colour: Colour })
  .strict() satisfies z.ZodType<CreateTagInput>;
export class CreateTagDto extends createZodDto(CreateTagSchema) {}

const UpdateTagSchema = CreateTagSchema.omit({ id: true })
  .partial()
  .strict()
  .refine(notEmpty, atLeastOne('name or colour')) satisfies z.ZodType<UpdateTagInput>;
export class UpdateTagDto extends createZodDto(UpdateTagSchema) {}

const CreateStatusSchema = z
  .object({ id: StatusId, name: CatalogName('Status'), colour: Colour, kind: StatusKindSchema })
  .strict() satisfies z.ZodType<CreateStatusInput>;
export class CreateStatusDto extends createZodDto(CreateStatusSchema) {}

const UpdateStatusSchema = z
  .object({
    name: CatalogName('Status').optional(),
    colour: Colour.optional(),
    transitions: z
      .array(StatusId)
      .max(100)
      .optional()
      .describe('Every status feedback in this one may move to (replaces the list)'),
  })
  .strict()
  .refine(
    notEmpty,
    atLeastOne('name, colour or transitions'),
  ) satisfies z.ZodType<UpdateStatusInput>;
export class UpdateStatusDto extends createZodDto(UpdateStatusSchema) {}

export const BoardIdParamSchema = z.object({ id: BoardIdSchema });
export class BoardIdParam extends createZodDto(BoardIdParamSchema) {}
export class CategoryParam extends createZodDto(
  z.object({ id: BoardIdSchema, categoryId: CategoryId }),
) {}
export const TagIdParamSchema = z.object({ id: TagId });
export class TagIdParam extends createZodDto(TagIdParamSchema) {}
export const StatusIdParamSchema = z.object({ id: StatusId });
export class StatusIdParam extends createZodDto(StatusIdParamSchema) {}
