import type {
  AgeBucket,
  DurationStats,
  FeedbackAgeing,
  ResponseTimes,
  StatusFunnel,
} from '@chorus/domain/client';
import { CardEmpty, ChartCard } from './chart-card';
import { CategoryChart } from './charts';
import { DrillButton, useDashboardContext, type Drill } from './dashboard-context';
import { formatCount, formatDuration } from './format';
import { formatDay } from '../sprints/sprint-ui';

type Stage = StatusFunnel['stages'][number]['stage'];

const stageLabels: Record<Stage, string> = {
  submitted: 'Submitted',
  triaged: 'Triaged',
  planned: 'Planned',
  done: 'Done',
};

const stageDrillTitles: Record<Stage, string> = {
  submitted: 'Feedback submitted',
  triaged: 'Feedback triaged',
  planned: 'Feedback planned',
  done: 'Feedback done',
};

export const bucketLabels: Record<AgeBucket, string> = {
  '0-7': '0–7 days',
  '8-30': '8–30 days',
  '31-90': '31–90 days',
  '91+': 'Over 90 days',
};

/** Buttons for the drills a chart offers by click, so a keyboard reaches them too. */
const DrillChips = ({
  label,
  chips,
}: {
  label: string;
  chips: readonly { key: string; label: string; count: number; drill: Drill }[];
}) => (
  <ul className="drill-chips" aria-label={label}>
    {chips.map((chip) => (
      <li key={chip.key}>
        <DrillButton
          drill={chip.drill}
          className="drill-chip"
          label={`${chip.label}: ${formatCount(chip.count)}. List them`}
        >
          {chip.label} <strong>{formatCount(chip.count)}</strong>
        </DrillButton>
      </li>
    ))}
  </ul>
);

export const FunnelCard = ({ funnel }: { funnel: StatusFunnel }) => {
  const { names, onDrill } = useDashboardContext();
  const stages = funnel.stages.map((stage) => ({ ...stage, label: stageLabels[stage.stage] }));
  const drillOf = (stage: Stage): Drill => ({ of: stage, title: stageDrillTitles[stage] });
  const submitted = funnel.stages.find((stage) => stage.stage === 'submitted')?.count ?? 0;
  return (
    <ChartCard
      title="Status funnel"
      lead="Feedback submitted in the range, by the furthest stage it reached."
      tables={[{ table: 'funnel' }]}
    >
      {submitted === 0 ? (
        <CardEmpty title="No feedback in this period" />
      ) : (
        <>
          <CategoryChart
            data={stages}
            category="label"
            series={[{ key: 'count', label: 'Items', colour: 'var(--dash-series-1)' }]}
            label="Status funnel"
            summary={`Of ${formatCount(submitted)} submitted: ${stages
              .slice(1)
              .map((stage) => `${formatCount(stage.count)} ${stage.label.toLowerCase()}`)
              .join(', ')}.`}
            onSelect={(stage) => onDrill(drillOf(stage.stage))}
          />
          <DrillChips
            label="Funnel stages"
            chips={stages.map((stage) => ({
              key: stage.stage,
              label: stage.label,
              count: stage.count,
              drill: drillOf(stage.stage),
            }))}
          />
          {funnel.byStatus.length > 0 && (
            <>
              <h3 className="dash-card__subtitle">Now in each status</h3>
              <DrillChips
                label="Current statuses"
                chips={funnel.byStatus.map((status) => {
                  const name = names.statuses[status.statusId] ?? status.statusId;
                  return {
                    key: status.statusId,
                    label: name,
                    count: status.count,
                    drill: { of: 'status', statusId: status.statusId, title: `Now ${name}` },
                  };
                })}
              />
            </>
          )}
        </>
      )}
    </ChartCard>
  );
};

export const AgeingCard = ({ ageing }: { ageing: FeedbackAgeing }) => {
  const { query, onDrill } = useDashboardContext();
  const buckets = ageing.buckets.map((bucket) => ({
    ...bucket,
    label: bucketLabels[bucket.bucket],
  }));
  const drillOf = (bucket: AgeBucket): Drill => ({
    of: 'ageing',
    bucket,
    title: `Unresolved feedback ${bucketLabels[bucket].toLowerCase()} old`,
  });
  return (
    <ChartCard
      title="Feedback ageing"
      lead={`Unresolved feedback on ${formatDay(query.to)}, by age.`}
      tables={[{ table: 'ageing' }]}
    >
      {ageing.total === 0 ? (
        <CardEmpty title="No unresolved feedback" hint="Everything submitted so far is resolved." />
      ) : (
        <>
          <CategoryChart
            data={buckets}
            category="label"
            series={[{ key: 'count', label: 'Items', colour: 'var(--dash-series-4)' }]}
            label="Feedback ageing"
            summary={`${formatCount(ageing.total)} unresolved: ${buckets
              .map((bucket) => `${formatCount(bucket.count)} ${bucket.label.toLowerCase()}`)
              .join(', ')}.`}
            onSelect={(bucket) => onDrill(drillOf(bucket.bucket))}
          />
          <DrillChips
            label="Age buckets"
            chips={buckets.map((bucket) => ({
              key: bucket.bucket,
              label: bucket.label,
              count: bucket.count,
              drill: drillOf(bucket.bucket),
            }))}
          />
        </>
      )}
    </ChartCard>
  );
};

const StatsRow = ({
  label,
  stats,
  missing,
}: {
  label: string;
  stats: DurationStats;
  missing: { count: number; drill: Drill; label: string };
}) => (
  <tr>
    <th scope="row">{label}</th>
    <td className="table__number">{formatDuration(stats.medianMs)}</td>
    <td className="table__number">{formatDuration(stats.p90Ms)}</td>
    <td className="table__number">{formatCount(stats.count)}</td>
    <td className="table__number">
      {missing.count === 0 ? (
        '0'
      ) : (
        <DrillButton
          drill={missing.drill}
          className="dash-link-button"
          label={`${formatCount(missing.count)} ${missing.label}. List them`}
        >
          {formatCount(missing.count)}
        </DrillButton>
      )}
    </td>
  </tr>
);

export const ResponseTimesCard = ({ times }: { times: ResponseTimes }) => (
  <ChartCard
    title="Response times"
    lead={`Over the ${formatCount(times.submitted)} items submitted in the range.`}
    tables={[{ table: 'response-times' }]}
  >
    <table className="table dash-table">
      <caption className="ui-visually-hidden">Time to first response and to triage</caption>
      <thead>
        <tr>
          <th scope="col">Time to</th>
          <th scope="col" className="table__number">
            Median
          </th>
          <th scope="col" className="table__number">
            p90
          </th>
          <th scope="col" className="table__number">
            Done
          </th>
          <th scope="col" className="table__number">
            Waiting
          </th>
        </tr>
      </thead>
      <tbody>
        <StatsRow
          label="First response"
          stats={times.firstResponse}
          missing={{
            count: times.unanswered,
            label: 'unanswered',
            drill: { of: 'unanswered', title: 'Feedback without a first response' },
          }}
        />
        <StatsRow
          label="Triage"
          stats={times.triage}
          missing={{
            count: times.untriaged,
            label: 'untriaged',
            drill: { of: 'untriaged', title: 'Feedback not yet triaged' },
          }}
        />
      </tbody>
    </table>
  </ChartCard>
);
