import type { ScoringModelView } from '@chorus/domain/client';
import { Button, Card, ErrorState, Skeleton, TextField } from '@chorus/ui';
import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { describeError, isProblem, ProblemError } from '../api/problem-error';
import { useCan, whoCan } from '../auth/use-can';
import { FormError } from '../lib/form-error';
import { useItemScore, useScoringModels, useSetFactors } from './prioritisation-queries';
import { ScoreBreakdown } from './score-breakdown';

type ManualFactor = { key: string; name: string; value: number };

const isNumber = (text: string) => text.trim() !== '' && Number.isFinite(Number(text));

/** Inputs for the factors set by hand; the live ones follow the linked feedback by themselves. */
const ManualFactors = ({
  itemId,
  factors,
  onAnnounce,
}: {
  itemId: string;
  factors: ManualFactor[];
  onAnnounce: (message: string) => void;
}) => {
  const set = useSetFactors(itemId);
  const planner = useCan()('backlog.plan');
  const [draft, setDraft] = useState<Record<string, string> | null>(null);
  if (factors.length === 0) return null;

  const textOf = (factor: ManualFactor) => draft?.[factor.key] ?? String(factor.value);
  const problem = set.error instanceof ProblemError ? set.error : null;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!draft || factors.some((factor) => !isNumber(textOf(factor)))) return;
    const changed = Object.fromEntries(
      factors
        .filter((factor) => Number(textOf(factor)) !== factor.value)
        .map((factor) => [factor.key, Number(textOf(factor))]),
    );
    if (Object.keys(changed).length === 0) {
      setDraft(null);
      return;
    }
    set.mutate(changed, {
      onSuccess: () => {
        setDraft(null);
        onAnnounce('Factors saved.');
      },
    });
  };

  return (
    <form className="manual-factors" onSubmit={onSubmit} noValidate aria-label="Manual factors">
      <h3 className="detail__section-title">Set by hand</h3>
      {!planner && <p className="detail__muted">Setting them is for {whoCan('backlog.plan')}.</p>}
      <fieldset className="manual-factors__fields read-only-fields" disabled={!planner}>
        {factors.map((factor) => (
          <TextField
            key={factor.key}
            label={factor.name}
            inputMode="decimal"
            value={textOf(factor)}
            error={
              isNumber(textOf(factor))
                ? problem?.fieldMessage(`factors.${factor.key}`)
                : 'A factor is a number.'
            }
            onChange={(event) => {
              if (set.isError) set.reset();
              setDraft({ ...draft, [factor.key]: event.target.value });
            }}
          />
        ))}
      </fieldset>
      <FormError error={set.error} shownBy={factors.map((factor) => `factors.${factor.key}`)} />
      {planner && (
        <div className="backlog-form__actions">
          {draft && (
            <Button variant="ghost" size="sm" onClick={() => setDraft(null)}>
              Discard
            </Button>
          )}
          <Button
            type="submit"
            variant="primary"
            size="sm"
            loading={set.isPending}
            disabled={!draft}
          >
            Save factors
          </Button>
        </div>
      )}
    </form>
  );
};

/** The hand-set factors of a model at their defaults, for an item not scored yet. */
const defaultsOf = (model: ScoringModelView | undefined): ManualFactor[] =>
  (model?.factors ?? []).flatMap((factor) =>
    factor.source.kind === 'manual'
      ? [{ key: factor.key, name: factor.name, value: factor.source.default }]
      : [],
  );

/** The item's score under the active model, how it came about, and the factors set by hand. */
export const ItemScore = ({
  itemId,
  onAnnounce,
}: {
  itemId: string;
  onAnnounce: (message: string) => void;
}) => {
  const score = useItemScore(itemId);
  const models = useScoringModels();
  const modelId = score.data?.modelId ?? models.data?.activeModelId;
  const model = models.data?.models.find((m) => m.id === modelId);
  const unscored = isProblem(score.error, 404);

  return (
    <Card>
      <div className="backlog-card__head">
        <h2 className="card__title">Score</h2>
        {model && (
          <Link className="detail__muted" href="/settings/scoring">
            {model.name}
          </Link>
        )}
      </div>
      {score.isPending ? (
        <div aria-hidden="true" className="table-skeleton">
          <Skeleton height="2rem" width="50%" />
          <Skeleton height="5rem" />
        </div>
      ) : score.isError && !unscored ? (
        <ErrorState
          compact
          title="Couldn't work out the score"
          detail={describeError(score.error)}
          onRetry={() => void score.refetch()}
          retrying={score.isFetching}
        />
      ) : (
        <>
          {score.data ? (
            <ScoreBreakdown breakdown={score.data} caption="How the score is made up" />
          ) : (
            <p className="detail__muted">
              Not scored yet: the score appears once the item has been counted.
            </p>
          )}
          <ManualFactors
            key={modelId}
            itemId={itemId}
            factors={
              score.data
                ? score.data.factors.flatMap((factor) =>
                    factor.source.kind === 'manual' ? [factor] : [],
                  )
                : defaultsOf(model)
            }
            onAnnounce={onAnnounce}
          />
        </>
      )}
    </Card>
  );
};
