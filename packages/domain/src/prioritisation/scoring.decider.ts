import type { ScoringFactorView, ScoringPresetName } from '../contracts/prioritisation-api';
import { isStaff, type Actor } from '../shared/actor';
import { changedFields } from '../shared/changes';
import type { Decider } from '../shared/decider';
import { ActionForbidden, AggregateNotFound, DomainRuleViolation } from '../shared/errors';
import { valid } from '../shared/valid';
import { parseFormula } from './formula';
import {
  builtInModel,
  evolveScoring,
  findModel,
  initialScoring,
  type Scoring,
  type ScoringModel,
} from './scoring';
import {
  FactorKey,
  ModelId,
  ScoringFactor as ScoringFactorSchema,
  ScoringModelDefinedV1,
  ScoringPreset,
  type ScoringEvent,
} from './scoring.events';

type WithActor<C> = C & { actor: Actor };
export type DefineScoringModel = WithActor<{
  type: 'DefineScoringModel';
  modelId: string;
  name: string;
  /** A built-in model keeps its own preset; anything else is `custom`, the default. */
  preset?: ScoringPresetName;
  formula: string;
  factors: readonly ScoringFactorView[];
}>;
export type ScoringCommand =
  | DefineScoringModel
  | WithActor<{ type: 'RemoveScoringModel'; modelId: string }>
  | WithActor<{ type: 'ActivateScoringModel'; modelId: string }>;

const { name: ModelName, formula: FormulaText } = ScoringModelDefinedV1.schema.shape;
const { name: FactorName } = ScoringFactorSchema.shape;
const sourceKinds = ['manual', 'votes', 'revenue', 'segment_votes'];

const validFactor = (factor: ScoringFactorView, field: string): ScoringFactorView => {
  const key = valid(FactorKey, factor.key, `${field}.key`);
  const name = valid(FactorName, factor.name, `${field}.name`);
  const source = factor.source as { kind?: unknown; default?: unknown; segment?: unknown };
  switch (source.kind) {
    case 'manual':
      if (typeof source.default !== 'number' || !Number.isFinite(source.default)) {
        throw new DomainRuleViolation(
          `A hand-set factor needs a default value, a finite number, for items not scored yet.`,
          `${field}.source.default`,
        );
      }
      return { key, name, source: { kind: 'manual', default: source.default } };
    case 'votes':
    case 'revenue':
      return { key, name, source: { kind: source.kind } };
    case 'segment_votes': {
      const segment = typeof source.segment === 'string' ? source.segment.trim() : '';
      if (segment === '' || segment.length > 60) {
        throw new DomainRuleViolation(
          'Name the segment whose votes count, in at most 60 characters.',
          `${field}.source.segment`,
        );
      }
      return { key, name, source: { kind: 'segment_votes', segment } };
    }
    default:
      throw new DomainRuleViolation(
        `A factor's source is one of ${sourceKinds.join(', ')}.`,
        `${field}.source.kind`,
      );
  }
};

/**
 * Checks a formula together with the factors it is written over: each factor valid, keys unique,
 * the formula using only those keys. Returns them trimmed; every refusal names its field.
 */
export const validModelDefinition = (definition: {
  formula: string;
  factors: readonly ScoringFactorView[];
}): { formula: string; factors: ScoringFactorView[] } => {
  if (definition.factors.length === 0) {
    throw new DomainRuleViolation('A model needs at least one factor.', 'factors');
  }
  if (definition.factors.length > 20) {
    throw new DomainRuleViolation('A model has at most 20 factors.', 'factors');
  }
  const factors = definition.factors.map((f, i) => validFactor(f, `factors.${i}`));
  const twice = factors.findIndex((f, i) => factors.findIndex((g) => g.key === f.key) !== i);
  if (twice >= 0) {
    throw new DomainRuleViolation(
      `Factor key "${factors[twice]!.key}" is used twice: each factor needs its own key.`,
      `factors.${twice}.key`,
    );
  }
  const formula = valid(FormulaText, definition.formula, 'formula');
  parseFormula(
    formula,
    factors.map((f) => f.key),
  );
  return { formula, factors };
};

const presetFor = (command: DefineScoringModel, modelId: string): ScoringPresetName => {
  const builtIn = builtInModel(modelId);
  const preset = valid(ScoringPreset, command.preset ?? builtIn?.preset ?? 'custom', 'preset');
  if (builtIn && preset !== builtIn.preset) {
    throw new DomainRuleViolation(
      `"${modelId}" is the built-in ${builtIn.name} model: its preset stays "${builtIn.preset}".`,
      'preset',
    );
  }
  if (!builtIn && preset !== 'custom') {
    throw new DomainRuleViolation(
      `A model of your own has preset "custom"; "${preset}" belongs to the built-in model.`,
      'preset',
    );
  }
  return preset;
};

const existing = (state: Scoring, modelId: string): ScoringModel => {
  const model = findModel(state, modelId);
  if (!model) throw new AggregateNotFound('Scoring model', modelId);
  return model;
};

const decideScoring = (command: ScoringCommand, state: Scoring): ScoringEvent[] => {
  if (!isStaff(command.actor)) {
    throw new ActionForbidden('Only a teammate can change how the backlog is scored.');
  }
  const by = command.actor.id;
  switch (command.type) {
    case 'DefineScoringModel': {
      const modelId = valid(ModelId, command.modelId, 'modelId');
      const definition = {
        name: valid(ModelName, command.name, 'name'),
        preset: presetFor(command, modelId),
        ...validModelDefinition(command),
      };
      const current = findModel(state, modelId);
      if (current && Object.keys(changedFields(current, definition)).length === 0) return [];
      return [{ type: 'ScoringModelDefined', data: { modelId, ...definition, by } }];
    }
    case 'RemoveScoringModel': {
      const model = existing(state, command.modelId);
      if (model.id === state.activeModelId) {
        throw new DomainRuleViolation(
          `${model.name} ranks the backlog: activate another model before removing it.`,
          'modelId',
        );
      }
      return [{ type: 'ScoringModelRemoved', data: { modelId: model.id, by } }];
    }
    case 'ActivateScoringModel': {
      const model = existing(state, command.modelId);
      if (model.id === state.activeModelId) return [];
      return [{ type: 'ScoringModelActivated', data: { modelId: model.id, by } }];
    }
  }
};

/** A workspace's scoring models: one stream, `scoringStreamId(workspaceId)`. */
export const scoringDecider: Decider<ScoringCommand, ScoringEvent, Scoring> = {
  initialState: initialScoring,
  evolve: evolveScoring,
  decide: decideScoring,
};
