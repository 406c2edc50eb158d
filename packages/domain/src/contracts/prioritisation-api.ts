// Shapes of the prioritisation HTTP API: scoring models, an item's score and "what to build next".

export const scoringPresetNames = ['rice', 'ice', 'wsjf', 'impact_effort', 'custom'] as const;
export type ScoringPresetName = (typeof scoringPresetNames)[number];

/**
 * Where a factor's value comes from: set by hand per item (with a default for items without one),
 * or live from the demand of the item's linked feedback and their merged duplicates: distinct
 * voters, the MRR in cents of their distinct companies, or the voters of one company segment.
 */
export type FactorSourceView =
  | { kind: 'manual'; default: number }
  | { kind: 'votes' }
  | { kind: 'revenue' }
  | { kind: 'segment_votes'; segment: string };

export type ScoringFactorView = { key: string; name: string; source: FactorSourceView };

export type ScoringModelView = {
  id: string;
  name: string;
  preset: ScoringPresetName;
  /** Arithmetic over the factors' keys, e.g. `reach * impact * confidence / effort`. */
  formula: string;
  factors: ScoringFactorView[];
  /** The model that ranks "what to build next". */
  active: boolean;
  /** One of the presets every workspace starts with (it may have been tuned). */
  builtIn: boolean;
};

/** `GET /api/v1/scoring-models`, and the answer of every change; `version` is the ETag. */
export type ScoringModelsView = {
  models: ScoringModelView[];
  activeModelId: string;
  version: number;
};

/** `PUT /api/v1/scoring-models/:modelId`: defines the model, or replaces it whole. */
export type ScoringModelInput = {
  name: string;
  /** A built-in model's own preset; `custom` (the default) for a model of your own. */
  preset?: ScoringPresetName;
  formula: string;
  factors: ScoringFactorView[];
};

/** `POST /api/v1/scoring-models/validate`: checks a formula while it is typed. */
export type FormulaCheckInput = Pick<ScoringModelInput, 'formula' | 'factors'>;
export type FormulaCheck = { ok: true };

/** `PUT /api/v1/backlog/:id/factors`: hand-set values, merged into the item's earlier ones. */
export type BacklogItemFactorsInput = { factors: Record<string, number> };

export type FactorValueView = {
  key: string;
  name: string;
  source: FactorSourceView;
  value: number;
  /** Counted from demand rather than set by hand. */
  live: boolean;
};

/** How an item's score came about under a model: each factor's value and where it came from. */
export type ScoreBreakdown = {
  modelId: string;
  formula: string;
  /** Null when the formula gives no finite number for these values (a division by zero, say). */
  score: number | null;
  /** Why there is no score, as a sentence; null when there is one. */
  problem: string | null;
  factors: FactorValueView[];
};

/** One entry of "what to build next". */
export type RankedItem = {
  itemId: string;
  title: string;
  kind: 'epic' | 'story' | 'task';
  status: string;
  estimate: number | null;
  score: number | null;
  /** Null until the item's score has been projected. */
  breakdown: ScoreBreakdown | null;
};

export type RankedPage = { items: RankedItem[]; nextCursor: string | null };

/** `GET /api/v1/prioritisation/next` query. */
export type NextFilters = {
  kind?: 'epic' | 'story' | 'task';
  label?: string;
  cursor?: string;
  limit?: number;
};
