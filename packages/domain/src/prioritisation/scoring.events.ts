import { z } from 'zod';
import { defineEvent } from '../shared/event-registry';

export const FactorKey = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'Factor keys are lower-case letters, digits and _.');
/**
 * Where a factor's value comes from: set by hand per item, or live from the demand of the
 * feedback linked to the item (distinct voters, MRR of their distinct companies, voters from one
 * segment).
 */
export const FactorSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('manual'), default: z.number().finite() }),
  z.object({ kind: z.literal('votes') }),
  z.object({ kind: z.literal('revenue') }),
  z.object({
    kind: z.literal('segment_votes'),
    segment: z.string().trim().min(1, 'Name the segment whose votes count.').max(60),
  }),
]);
export const ScoringFactor = z.object({
  key: FactorKey,
  name: z.string().trim().min(1, 'A factor needs a name.').max(60),
  source: FactorSource,
});
export const scoringPresets = ['rice', 'ice', 'wsjf', 'impact_effort', 'custom'] as const;
export const ScoringPreset = z.enum(scoringPresets);
export const ModelId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'A model id is lower-case letters, digits and dashes.');

export const ScoringModelDefinedV1 = defineEvent(
  'ScoringModelDefined',
  1,
  z.object({
    modelId: ModelId,
    name: z.string().trim().min(1, 'A model needs a name.').max(60),
    preset: ScoringPreset,
    /** An arithmetic formula over the factors' keys, e.g. `reach * impact * confidence / effort`. */
    formula: z.string().trim().min(1, 'A formula must not be empty.').max(500),
    factors: z.array(ScoringFactor).min(1).max(20),
    by: z.string().min(1),
  }),
);
export const ScoringModelRemovedV1 = defineEvent(
  'ScoringModelRemoved',
  1,
  z.object({ modelId: ModelId, by: z.string().min(1) }),
);
/** The model that ranks "what to build next" for the workspace. */
export const ScoringModelActivatedV1 = defineEvent(
  'ScoringModelActivated',
  1,
  z.object({ modelId: ModelId, by: z.string().min(1) }),
);

type DataOf<D extends { schema: z.ZodType }> = z.infer<D['schema']>;
export type ScoringEvent =
  | { type: 'ScoringModelDefined'; data: DataOf<typeof ScoringModelDefinedV1> }
  | { type: 'ScoringModelRemoved'; data: DataOf<typeof ScoringModelRemovedV1> }
  | { type: 'ScoringModelActivated'; data: DataOf<typeof ScoringModelActivatedV1> };

export const scoringEventDefinitions = [
  ScoringModelDefinedV1,
  ScoringModelRemovedV1,
  ScoringModelActivatedV1,
];

/** A workspace's scoring models are one stream, like its catalog. */
export const scoringStreamId = (workspaceId: string): string => `scoring-${workspaceId}`;
