import type {
  FactorSourceView,
  ScoringFactorView,
  ScoringModelsView,
  ScoringModelView,
  ScoringPresetName,
} from '@chorus/domain/client';
import {
  Badge,
  Button,
  Card,
  ConfirmDialog,
  EmptyState,
  ErrorState,
  IconButton,
  Select,
  Spinner,
  TextField,
} from '@chorus/ui';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { describeError, isProblem, ProblemError } from '../api/problem-error';
import { useCan } from '../auth/use-can';
import { PlusIcon, TrashIcon } from '../icons';
import { FormError } from '../lib/form-error';
import { useDebounced } from '../lib/use-debounced';
import { validateFormula } from '../prioritisation/prioritisation-api';
import {
  useActivateModel,
  useRemoveModel,
  useSaveModel,
  useScoringModels,
} from '../prioritisation/prioritisation-queries';
import { sourceLabel } from '../prioritisation/score-breakdown';
import { fieldError, slugify } from './settings-kit';

const presetLabels: Record<ScoringPresetName, string> = {
  rice: 'RICE',
  ice: 'ICE',
  wsjf: 'WSJF',
  impact_effort: 'Impact / effort',
  custom: 'Custom',
};

type SourceKind = FactorSourceView['kind'];
const sourceKinds: { value: SourceKind; label: string }[] = [
  { value: 'manual', label: 'Set by hand' },
  { value: 'votes', label: 'Votes' },
  { value: 'revenue', label: 'Revenue (MRR)' },
  { value: 'segment_votes', label: 'Votes from a segment' },
];

/** A factor as typed: numbers stay text until saved, so a half-typed one is not lost. */
type FactorDraft = {
  rowKey: number;
  key: string;
  name: string;
  kind: SourceKind;
  default: string;
  segment: string;
};

type ModelDraft = { name: string; formula: string; factors: FactorDraft[] };

let nextRowKey = 0;

const factorDraftOf = (factor: ScoringFactorView): FactorDraft => ({
  rowKey: nextRowKey++,
  key: factor.key,
  name: factor.name,
  kind: factor.source.kind,
  default: factor.source.kind === 'manual' ? String(factor.source.default) : '1',
  segment: factor.source.kind === 'segment_votes' ? factor.source.segment : '',
});

const blankFactor = (): FactorDraft => ({
  rowKey: nextRowKey++,
  key: '',
  name: '',
  kind: 'manual',
  default: '1',
  segment: '',
});

const draftOf = (model: ScoringModelView | undefined): ModelDraft =>
  model
    ? { name: model.name, formula: model.formula, factors: model.factors.map(factorDraftOf) }
    : { name: '', formula: '', factors: [blankFactor()] };

const sourceOf = (factor: FactorDraft): FactorSourceView => {
  switch (factor.kind) {
    case 'manual':
      // A default that is not a number is sent as NaN's JSON, null, for the server to refuse.
      return {
        kind: 'manual',
        default: factor.default.trim() === '' ? NaN : Number(factor.default),
      };
    case 'segment_votes':
      return { kind: 'segment_votes', segment: factor.segment.trim() };
    case 'votes':
    case 'revenue':
      return { kind: factor.kind };
  }
};

const factorsOf = (draft: ModelDraft): ScoringFactorView[] =>
  draft.factors.map((factor) => ({
    key: factor.key.trim(),
    name: factor.name.trim(),
    source: sourceOf(factor),
  }));

/**
 * Checks the formula with its factors while it is typed; the answer is null when it is fine, else
 * the problem, whose message points at the mistake.
 */
const useFormulaCheck = (draft: ModelDraft) => {
  const input = useDebounced({ formula: draft.formula.trim(), factors: factorsOf(draft) }, 400);
  return useQuery({
    queryKey: ['formula-check', JSON.stringify(input)],
    queryFn: async () => {
      try {
        await validateFormula(input);
        return null;
      } catch (error) {
        if (error instanceof ProblemError && !error.isTransient && error.status !== 401) {
          return error;
        }
        throw error;
      }
    },
    enabled: input.formula !== '',
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    retry: false,
  });
};

const FactorRow = ({
  factor,
  index,
  error,
  onChange,
  onRemove,
}: {
  factor: FactorDraft;
  index: number;
  error: unknown;
  onChange: (patch: Partial<FactorDraft>) => void;
  onRemove: (() => void) | null;
}) => {
  const at = (field: string) => fieldError(error, `factors.${index}.${field}`);
  return (
    <li className="factor-row">
      <fieldset className="factor-row__fields">
        <legend className="ui-visually-hidden">Factor {index + 1}</legend>
        <TextField
          label="Key"
          className="factor-row__key"
          value={factor.key}
          error={at('key')}
          onChange={(event) => onChange({ key: event.target.value })}
        />
        <TextField
          label="Name"
          value={factor.name}
          error={at('name')}
          onChange={(event) => onChange({ name: event.target.value })}
        />
        <Select
          label="Source"
          value={factor.kind}
          options={sourceKinds}
          error={at('source.kind')}
          onChange={(event) => onChange({ kind: event.target.value as SourceKind })}
        />
        {factor.kind === 'manual' && (
          <TextField
            label="Default"
            className="factor-row__number"
            inputMode="decimal"
            value={factor.default}
            error={at('source.default')}
            onChange={(event) => onChange({ default: event.target.value })}
          />
        )}
        {factor.kind === 'segment_votes' && (
          <TextField
            label="Segment"
            placeholder="e.g. Enterprise"
            value={factor.segment}
            error={at('source.segment')}
            onChange={(event) => onChange({ segment: event.target.value })}
          />
        )}
      </fieldset>
      {onRemove && (
        <IconButton
          label={`Remove factor ${factor.name || index + 1}`}
          icon={<TrashIcon />}
          onClick={onRemove}
        />
      )}
    </li>
  );
};

const FormulaField = ({
  draft,
  saveError,
  onChange,
}: {
  draft: ModelDraft;
  saveError: unknown;
  onChange: (formula: string) => void;
}) => {
  const check = useFormulaCheck(draft);
  const problem = check.data ?? null;
  const message =
    fieldError(saveError, 'formula') ??
    (draft.formula.trim() === ''
      ? undefined
      : (problem?.fieldMessage('formula') ??
        (problem && problem.fieldErrors.length === 0 ? describeError(problem) : undefined)));
  const hint = check.isFetching ? (
    <Spinner size="sm" label="Checking the formula" />
  ) : check.isError ? (
    `Couldn't check the formula: ${describeError(check.error)}`
  ) : draft.formula.trim() !== '' && check.data === null ? (
    <span className="formula-ok">The formula is valid.</span>
  ) : (
    'Arithmetic over the factor keys: + - * / ^, parentheses, min, max, abs, sqrt, log, round.'
  );
  return (
    <TextField
      label="Formula"
      className="formula-field"
      placeholder="e.g. reach * impact * confidence / effort"
      spellCheck={false}
      autoComplete="off"
      value={draft.formula}
      error={message}
      hint={message ? undefined : hint}
      onChange={(event) => onChange(event.target.value)}
    />
  );
};

const ModelEditor = ({
  model,
  models,
  onDone,
}: {
  /** Undefined for a new model. */
  model: ScoringModelView | undefined;
  models: ScoringModelsView;
  onDone: () => void;
}) => {
  const save = useSaveModel();
  const [draft, setDraft] = useState<ModelDraft>(() => draftOf(model));
  const [template, setTemplate] = useState('');
  const check = useFormulaCheck(draft);
  const id = model?.id ?? slugify(draft.name);
  const taken = !model && models.models.some((m) => m.id === id);

  const change = (patch: Partial<ModelDraft>) => {
    if (save.isError) save.reset();
    setDraft((current) => ({ ...current, ...patch }));
  };
  const changeFactor = (rowKey: number, patch: Partial<FactorDraft>) =>
    change({
      factors: draft.factors.map((factor) =>
        factor.rowKey === rowKey ? { ...factor, ...patch } : factor,
      ),
    });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!id || taken) return;
    save.mutate(
      {
        modelId: id,
        version: models.version,
        input: {
          name: draft.name.trim(),
          ...(model ? { preset: model.preset } : {}),
          formula: draft.formula.trim(),
          factors: factorsOf(draft),
        },
      },
      { onSuccess: onDone },
    );
  };

  const problem = save.error instanceof ProblemError ? save.error : null;
  // Factor problems from the live check show on their fields too.
  const factorError = problem ?? check.data ?? null;
  const shownBy = [
    'name',
    'modelId',
    'formula',
    ...draft.factors.flatMap((_, index) =>
      ['key', 'name', 'source.kind', 'source.default', 'source.segment'].map(
        (field) => `factors.${index}.${field}`,
      ),
    ),
  ];

  return (
    <form
      className="model-editor"
      onSubmit={onSubmit}
      noValidate
      aria-label={model ? `Edit ${model.name}` : 'New scoring model'}
    >
      <div className="model-editor__head">
        <TextField
          label="Name"
          placeholder="e.g. Revenue first"
          value={draft.name}
          autoFocus
          hint={
            model
              ? `Id: ${model.id}`
              : id
                ? taken
                  ? undefined
                  : `Id: ${id}`
                : 'The id is made from the name.'
          }
          error={
            taken
              ? `A model with the id “${id}” exists: choose another name.`
              : (fieldError(save.error, 'name') ?? fieldError(save.error, 'modelId'))
          }
          onChange={(event) => change({ name: event.target.value })}
        />
        {model ? (
          <div className="ui-field">
            <span className="ui-field__label">Preset</span>
            <span className="model-editor__preset">
              <Badge tone={model.builtIn ? 'accent' : 'neutral'}>
                {presetLabels[model.preset]}
              </Badge>
            </span>
          </div>
        ) : (
          <Select
            label="Preset"
            hint="Start from a built-in model's factors and formula."
            value={template}
            options={[
              { value: '', label: 'Custom (blank)' },
              ...models.models
                .filter((m) => m.builtIn)
                .map((m) => ({ value: m.id, label: `Like ${m.name}` })),
            ]}
            onChange={(event) => {
              setTemplate(event.target.value);
              const source = models.models.find((m) => m.id === event.target.value);
              const start = draftOf(source);
              change({ formula: start.formula, factors: start.factors });
            }}
          />
        )}
      </div>
      <fieldset className="model-editor__factors">
        <legend className="model-editor__legend">
          Factors <span className="detail__muted">(the formula uses their keys)</span>
        </legend>
        <ol className="factor-list">
          {draft.factors.map((factor, index) => (
            <FactorRow
              key={factor.rowKey}
              factor={factor}
              index={index}
              error={factorError}
              onChange={(patch) => changeFactor(factor.rowKey, patch)}
              onRemove={
                draft.factors.length > 1
                  ? () =>
                      change({ factors: draft.factors.filter((f) => f.rowKey !== factor.rowKey) })
                  : null
              }
            />
          ))}
        </ol>
        <Button
          size="sm"
          variant="ghost"
          icon={<PlusIcon />}
          disabled={draft.factors.length >= 20}
          onClick={() => change({ factors: [...draft.factors, blankFactor()] })}
        >
          Add factor
        </Button>
        {fieldError(save.error, 'factors') && (
          <p className="form-error">{fieldError(save.error, 'factors')}</p>
        )}
      </fieldset>
      <FormulaField
        draft={draft}
        saveError={save.error}
        onChange={(formula) => change({ formula })}
      />
      <FormError error={save.error} shownBy={shownBy} />
      {isProblem(save.error, 412) && (
        <p className="form-error">
          The models changed since you opened them. Cancel, check the latest, and try again.
        </p>
      )}
      <div className="settings-row__actions">
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" loading={save.isPending} disabled={!id || taken}>
          {model ? 'Save model' : 'Create model'}
        </Button>
      </div>
    </form>
  );
};

const ModelRow = ({
  model,
  models,
  editing,
  onEdit,
  onDone,
}: {
  model: ScoringModelView;
  models: ScoringModelsView;
  editing: boolean;
  onEdit: () => void;
  onDone: () => void;
}) => {
  const activate = useActivateModel();
  const remove = useRemoveModel();
  const [confirmingRemove, setConfirmingRemove] = useState(false);
  const manager = useCan()('prioritisation.manage');

  if (editing && manager) {
    return (
      <li className="settings-row settings-row--model">
        <ModelEditor model={model} models={models} onDone={onDone} />
      </li>
    );
  }

  return (
    <li
      className="settings-row settings-row--model"
      data-testid="scoring-model"
      data-model-id={model.id}
    >
      <div className="settings-row__head">
        <span className="settings-row__name">{model.name}</span>
        <Badge tone={model.builtIn ? 'accent' : 'neutral'}>{presetLabels[model.preset]}</Badge>
        {model.builtIn && <Badge>Built-in</Badge>}
        {model.active && (
          <Badge tone="green" dot>
            Active
          </Badge>
        )}
        {manager && (
          <div className="settings-row__actions">
            {!model.active && (
              <Button
                size="sm"
                variant="secondary"
                loading={activate.isPending}
                onClick={() => activate.mutate(model.id)}
              >
                Activate<span className="ui-visually-hidden"> {model.name}</span>
              </Button>
            )}
            <Button size="sm" variant="ghost" onClick={onEdit}>
              Edit<span className="ui-visually-hidden"> {model.name}</span>
            </Button>
            {!model.active && (
              <Button size="sm" variant="ghost" onClick={() => setConfirmingRemove(true)}>
                Remove<span className="ui-visually-hidden"> {model.name}</span>
              </Button>
            )}
          </div>
        )}
      </div>
      <code className="model-formula">{model.formula}</code>
      <ul className="model-factors" aria-label={`Factors of ${model.name}`}>
        {model.factors.map((factor) => (
          <li key={factor.key}>
            <strong>{factor.name}</strong> <code>{factor.key}</code> · {sourceLabel(factor.source)}
            {factor.source.kind === 'manual' && ` (default ${factor.source.default})`}
          </li>
        ))}
      </ul>
      <FormError error={activate.error} />
      <ConfirmDialog
        open={confirmingRemove}
        title={`Remove the scoring model “${model.name}”?`}
        confirmLabel="Remove model"
        tone="danger"
        pending={remove.isPending}
        error={<FormError error={remove.error} />}
        onConfirm={() => remove.mutate(model.id, { onSuccess: () => setConfirmingRemove(false) })}
        onCancel={() => {
          remove.reset();
          setConfirmingRemove(false);
        }}
      >
        <p>The backlog keeps being ranked by the active model; this one's formula is gone.</p>
      </ConfirmDialog>
    </li>
  );
};

/** Settings › Scoring: the workspace's models, which one ranks the backlog, and their formulas. */
export const ScoringSettings = () => {
  const models = useScoringModels();
  const [editing, setEditing] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const manager = useCan()('prioritisation.manage');

  if (models.isPending) return <Spinner label="Loading scoring models" />;
  if (models.isError) {
    return (
      <Card padded={false}>
        <ErrorState
          title="Couldn't load the scoring models"
          detail={describeError(models.error)}
          onRetry={() => void models.refetch()}
          retrying={models.isFetching}
        />
      </Card>
    );
  }

  const active = models.data.models.find((model) => model.active);
  return (
    <div className="settings">
      <Card>
        <div className="backlog-card__head">
          <div className="backlog-card__intro">
            <h2 className="card__title">Scoring models</h2>
            <p className="detail__muted">
              {active ? (
                <>
                  <strong>{active.name}</strong> ranks “What to build next”.
                </>
              ) : (
                'No model is active.'
              )}{' '}
              Factors set by hand are entered on each backlog item; votes, revenue and segment votes
              come live from the feedback linked to it.
            </p>
          </div>
          {manager && !creating && (
            <Button variant="primary" icon={<PlusIcon />} onClick={() => setCreating(true)}>
              New model
            </Button>
          )}
        </div>
        {manager && creating && (
          <ModelEditor model={undefined} models={models.data} onDone={() => setCreating(false)} />
        )}
      </Card>
      <Card padded={false}>
        {models.data.models.length === 0 ? (
          <EmptyState
            title="No scoring models"
            hint={manager ? 'Create one to rank the backlog by score.' : undefined}
          />
        ) : (
          <ul className="settings-list" aria-label="Scoring models">
            {models.data.models.map((model) => (
              <ModelRow
                key={model.id}
                model={model}
                models={models.data}
                editing={editing === model.id}
                onEdit={() => setEditing(model.id)}
                onDone={() => setEditing(null)}
              />
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
};
