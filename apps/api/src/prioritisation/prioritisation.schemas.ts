import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import {
  FactorSource,
  ModelId,
  ScoringFactor,
  backlogItemKindNames,
  scoringPresetNames,
  type FactorValueView,
  type RankedItem,
  type RankedPage,
  type ScoreBreakdown,
  type ScoringModelInput,
  type ScoringModelView,
  type ScoringModelsView,
} from '@chorus/domain';

export const ModelIdParamSchema = z.object({ modelId: ModelId });
export class ModelIdParam extends createZodDto(ModelIdParamSchema) {}

export const BacklogItemIdParamSchema = z.object({ id: z.uuid('Backlog item id must be a UUID.') });
export class BacklogItemIdParam extends createZodDto(BacklogItemIdParamSchema) {}

// The shape is checked here (400); whether the formula makes sense is the domain's rule (422).
export const ScoringModelInputSchema = z
  .object({
    name: z.string().max(200),
    preset: z
      .enum(scoringPresetNames, {
        error: `Preset must be one of ${scoringPresetNames.join(', ')}.`,
      })
      .optional()
      .describe("A built-in model's own preset; custom (the default) for your own"),
    formula: z
      .string()
      .max(500, 'A formula must be at most 500 characters.')
      .describe('e.g. reach * impact * confidence / effort'),
    factors: z.array(ScoringFactor).max(20, 'A model has at most 20 factors.'),
  })
  .strict() satisfies z.ZodType<ScoringModelInput>;
export const ScoringModelViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  preset: z.enum(scoringPresetNames),
  formula: z.string().describe('Arithmetic over the factor keys'),
  factors: z.array(ScoringFactor),
  active: z.boolean().describe('Ranks "what to build next"'),
  builtIn: z.boolean().describe('One of the presets every workspace starts with'),
}) satisfies z.ZodType<ScoringModelView>;

export const ScoringModelsViewSchema = z.object({
  models: z.array(ScoringModelViewSchema),
  activeModelId: z.string(),
  version: z.number().int().describe('Version of the scoring stream: the ETag'),
}) satisfies z.ZodType<ScoringModelsView>;
export class ScoringModelsViewDto extends createZodDto(ScoringModelsViewSchema) {}

const FactorValueSchema = z.object({
  key: z.string(),
  name: z.string(),
  source: FactorSource,
  value: z.number(),
  live: z.boolean().describe('Counted from demand rather than set by hand'),
}) satisfies z.ZodType<FactorValueView>;

export const ScoreBreakdownSchema = z.object({
  modelId: z.string(),
  formula: z.string(),
  score: z.number().nullable(),
  problem: z.string().nullable().describe('Why there is no score, e.g. a division by zero'),
  factors: z.array(FactorValueSchema),
}) satisfies z.ZodType<ScoreBreakdown>;
export class ScoreBreakdownDto extends createZodDto(ScoreBreakdownSchema) {}

const RankedItemSchema = z.object({
  itemId: z.uuid(),
  title: z.string(),
  kind: z.enum(backlogItemKindNames),
  status: z.string(),
  estimate: z.number().nullable(),
  score: z.number().nullable(),
  breakdown: ScoreBreakdownSchema.nullable(),
}) satisfies z.ZodType<RankedItem>;

export const RankedPageSchema = z.object({
  items: z.array(RankedItemSchema),
  nextCursor: z.string().nullable(),
}) satisfies z.ZodType<RankedPage>;
export class RankedPageDto extends createZodDto(RankedPageSchema) {}
