import type { FactorSourceView, ScoreBreakdown as Breakdown } from '@chorus/domain/client';
import { Badge } from '@chorus/ui';
import { formatMoney } from '../lib/format';

export const formatScore = (score: number | null): string =>
  score === null ? '—' : score.toLocaleString(undefined, { maximumFractionDigits: 2 });

export const sourceLabel = (source: FactorSourceView): string => {
  switch (source.kind) {
    case 'manual':
      return 'Set by hand';
    case 'votes':
      return 'Votes on linked feedback';
    case 'revenue':
      return 'MRR of the voters’ companies';
    case 'segment_votes':
      return `Votes from the ${source.segment} segment`;
  }
};

const formatValue = (value: number, source: FactorSourceView) =>
  source.kind === 'revenue'
    ? formatMoney(value)
    : value.toLocaleString(undefined, { maximumFractionDigits: 2 });

/** An item's score and how it came about: the formula, then each factor's value and origin. */
export const ScoreBreakdown = ({
  breakdown,
  caption,
}: {
  breakdown: Breakdown;
  caption: string;
}) => (
  <div className="score-breakdown">
    <p className="score-breakdown__formula">
      <span className="score-breakdown__score" data-testid="score-value">
        {formatScore(breakdown.score)}
      </span>
      <span className="score-breakdown__equals" aria-hidden="true">
        =
      </span>
      <code>{breakdown.formula}</code>
    </p>
    {breakdown.problem && <p className="form-error">{breakdown.problem}</p>}
    <table className="table score-breakdown__table">
      <caption className="ui-visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Factor</th>
          <th scope="col" className="table__number">
            Value
          </th>
        </tr>
      </thead>
      <tbody>
        {breakdown.factors.map((factor) => (
          <tr key={factor.key}>
            <th scope="row">
              <span className="score-breakdown__name">
                {factor.name} <code className="table__hint">{factor.key}</code>
              </span>
              <span className="score-breakdown__source">
                <Badge tone={factor.live ? 'blue' : 'neutral'}>
                  {factor.live ? 'Live' : 'Manual'}
                </Badge>
                <span className="table__hint">{sourceLabel(factor.source)}</span>
              </span>
            </th>
            <td className="table__number">{formatValue(factor.value, factor.source)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  </div>
);
