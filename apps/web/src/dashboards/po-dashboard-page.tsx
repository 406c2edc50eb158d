import type {
  BacklogHealth,
  InitiativeDelivery,
  PoComparison,
  PoDashboard,
  PoFigures,
  SprintVelocity,
} from '@chorus/domain/client';
import { Link } from 'wouter';
import { plural } from '../lib/format';
import { formatQuarter, laneLabels, ProgressBar } from '../roadmap/roadmap-ui';
import { formatDay, formatDays, SprintStateBadge } from '../sprints/sprint-ui';
import { CardEmpty, ChartCard } from './chart-card';
import { CategoryChart } from './charts';
import { DashboardFrame } from './dashboard-frame';
import { DrillButton, useDashboardContext, type Drill } from './dashboard-context';
import { AgeingCard, bucketLabels, FunnelCard, ResponseTimesCard } from './feedback-cards';
import {
  changeOf,
  formatCount,
  formatDecimal,
  formatShare,
  NONE,
  periodLabel,
  shortDay,
} from './format';
import { Headlines, type Headline } from './headlines';

const waitingDrill: Drill = { of: 'waiting', title: 'Backlog items waiting' };

const sprintDrill = (sprint: SprintVelocity['sprints'][number]): Drill => ({
  of: 'sprint',
  sprintId: sprint.sprintId,
  title: `Accepted in ${sprint.name}`,
});

const throughputOf = (velocity: SprintVelocity) =>
  velocity.throughput.reduce(
    (sum, period) => ({ items: sum.items + period.items, points: sum.points + period.points }),
    { items: 0, points: 0 },
  );

const headlines = (current: PoFigures, previous: PoComparison | null): Headline[] => {
  const { velocity, backlogHealth } = current;
  const completed = velocity.sprints.filter((sprint) => sprint.state === 'completed').length;
  const throughput = throughputOf(velocity);
  return [
    {
      id: 'average-velocity',
      label: 'Average velocity',
      value:
        velocity.averagePoints === null ? NONE : `${formatDecimal(velocity.averagePoints)} pts`,
      change: changeOf(velocity.averagePoints, previous?.velocity.averagePoints, { better: 'up' }),
      detail: `accepted per sprint, over ${plural(completed, 'completed sprint')}`,
    },
    {
      id: 'ready-share',
      label: 'Ready to plan',
      value: formatShare(backlogHealth.ready),
      change: changeOf(backlogHealth.ready.ratio, previous?.backlogHealth.ready.ratio, {
        better: 'up',
        unit: 'points',
      }),
      drill: { of: 'ready', title: 'Backlog items ready to plan' },
      detail: (
        <>
          {formatCount(backlogHealth.ready.numerator)} of{' '}
          <DrillButton className="dash-link-button" drill={waitingDrill}>
            {formatCount(backlogHealth.items)} waiting
          </DrillButton>
        </>
      ),
    },
    {
      id: 'backlog-age',
      label: 'Median backlog age',
      value:
        backlogHealth.medianAgeDays === null ? NONE : plural(backlogHealth.medianAgeDays, 'day'),
      change: changeOf(backlogHealth.medianAgeDays, previous?.backlogHealth.medianAgeDays, {
        better: 'down',
      }),
      drill: waitingDrill,
      detail: 'of the stories and tasks waiting',
    },
    {
      id: 'throughput',
      label: 'Throughput',
      value: plural(throughput.items, 'item'),
      change: changeOf(
        throughput.items,
        previous ? throughputOf(previous.velocity).items : undefined,
        { better: 'up' },
      ),
      detail: `${plural(throughput.points, 'point')} accepted in the range`,
    },
  ];
};

const VelocityCard = ({ velocity }: { velocity: SprintVelocity }) => {
  const { onDrill } = useDashboardContext();
  return (
    <ChartCard
      title="Sprint velocity"
      lead="Points accepted and carried over in each sprint ending in the range. Click a sprint to list what it accepted."
      tables={[{ table: 'velocity' }]}
      wide
    >
      {velocity.sprints.length === 0 ? (
        <CardEmpty title="No sprint ended in this period" />
      ) : (
        <CategoryChart
          data={velocity.sprints}
          category="name"
          series={[
            { key: 'acceptedPoints', label: 'Accepted points', colour: 'var(--dash-series-3)' },
            {
              key: 'carriedOverPoints',
              label: 'Carried over points',
              colour: 'var(--dash-series-4)',
            },
          ]}
          label="Sprint velocity"
          summary={velocity.sprints
            .map(
              (sprint) =>
                `${sprint.name}: ${formatCount(sprint.acceptedPoints)} points accepted, ${formatCount(sprint.carriedOverPoints)} carried over`,
            )
            .join('; ')}
          onSelect={(sprint) => onDrill(sprintDrill(sprint))}
        />
      )}
    </ChartCard>
  );
};

const SprintsCard = ({ velocity }: { velocity: SprintVelocity }) => (
  <ChartCard title="Sprints" tables={[{ table: 'velocity' }]} wide>
    {velocity.sprints.length === 0 ? (
      <CardEmpty title="No sprint ended in this period" />
    ) : (
      <table className="table dash-table" data-testid="sprints-table">
        <caption className="ui-visually-hidden">Sprints ending in the range</caption>
        <thead>
          <tr>
            <th scope="col">Sprint</th>
            <th scope="col">Dates</th>
            <th scope="col">State</th>
            <th scope="col" className="table__number">
              Accepted
            </th>
            <th scope="col" className="table__number">
              Carried over
            </th>
          </tr>
        </thead>
        <tbody>
          {velocity.sprints.map((sprint) => (
            <tr key={sprint.sprintId}>
              <th scope="row">
                <Link href={`/sprints/${encodeURIComponent(sprint.sprintId)}`}>{sprint.name}</Link>
              </th>
              <td>{formatDays(sprint.startDate, sprint.endDate)}</td>
              <td>
                <SprintStateBadge state={sprint.state} />
              </td>
              <td className="table__number">
                <DrillButton
                  className="dash-link-button"
                  drill={sprintDrill(sprint)}
                  label={`${plural(sprint.acceptedItems, 'item')} accepted in ${sprint.name}. List them`}
                >
                  {plural(sprint.acceptedItems, 'item')} · {plural(sprint.acceptedPoints, 'pt')}
                </DrillButton>
              </td>
              <td className="table__number">
                {plural(sprint.carriedOverItems, 'item')} · {plural(sprint.carriedOverPoints, 'pt')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    )}
  </ChartCard>
);

const ThroughputCard = ({ velocity }: { velocity: SprintVelocity }) => {
  const { query } = useDashboardContext();
  const total = throughputOf(velocity);
  return (
    <ChartCard
      title="Throughput"
      lead={`Items and points accepted per ${query.granularity}.`}
      tables={[{ table: 'throughput' }]}
    >
      {total.items === 0 ? (
        <CardEmpty title="Nothing accepted in this period" />
      ) : (
        <CategoryChart
          data={velocity.throughput}
          category="period"
          series={[
            { key: 'items', label: 'Items', colour: 'var(--dash-series-1)' },
            { key: 'points', label: 'Points', colour: 'var(--dash-series-3)' },
          ]}
          label="Throughput"
          summary={`${plural(total.items, 'item')} and ${plural(total.points, 'point')} accepted in the range.`}
          formatCategory={shortDay}
          formatLabel={(period) => periodLabel(period, query.granularity)}
        />
      )}
    </ChartCard>
  );
};

const BacklogAgeingCard = ({ health }: { health: BacklogHealth }) => {
  const { query } = useDashboardContext();
  const buckets = health.ageing.map((bucket) => ({
    ...bucket,
    label: bucketLabels[bucket.bucket],
  }));
  return (
    <ChartCard
      title="Backlog ageing"
      lead={`Stories and tasks waiting on ${formatDay(query.to)}, by age.`}
      tables={[{ table: 'backlog-health' }]}
    >
      {health.items === 0 ? (
        <CardEmpty title="Nothing waiting in the backlog" hint="Every story and task is planned." />
      ) : (
        <>
          <CategoryChart
            data={buckets}
            category="label"
            series={[{ key: 'count', label: 'Items', colour: 'var(--dash-series-2)' }]}
            label="Backlog ageing"
            summary={`${plural(health.items, 'item')} waiting: ${buckets
              .map((bucket) => `${formatCount(bucket.count)} ${bucket.label.toLowerCase()}`)
              .join(', ')}.`}
          />
          <p className="dash-card__note">
            <DrillButton className="dash-link-button" drill={waitingDrill}>
              List the {plural(health.items, 'waiting item')}
            </DrillButton>
          </p>
        </>
      )}
    </ChartCard>
  );
};

const progressDetail = ({ progress }: InitiativeDelivery) =>
  progress.points > 0
    ? `${formatCount(progress.donePoints)} of ${plural(progress.points, 'point')} done`
    : `${formatCount(progress.doneItemCount)} of ${plural(progress.itemCount, 'item')} done`;

const RoadmapCard = ({ roadmap }: { roadmap: readonly InitiativeDelivery[] }) => (
  <ChartCard
    title="Roadmap progress"
    lead="Each initiative's stories and tasks accepted or released, as the roadmap counts them."
    tables={[{ table: 'roadmap-progress' }]}
    wide
  >
    {roadmap.length === 0 ? (
      <CardEmpty title="No initiatives on the roadmap" hint="Add one on the Roadmap page." />
    ) : (
      <table className="table dash-table">
        <caption className="ui-visually-hidden">Roadmap progress per initiative</caption>
        <thead>
          <tr>
            <th scope="col">Initiative</th>
            <th scope="col">Lane</th>
            <th scope="col">Quarter</th>
            <th scope="col" className="dash-table__progress">
              Progress
            </th>
            <th scope="col" className="table__number">
              Done
            </th>
          </tr>
        </thead>
        <tbody>
          {roadmap.map((initiative) => (
            <tr key={initiative.initiativeId}>
              <th scope="row">
                <DrillButton
                  className="dash-link-button"
                  drill={{
                    of: 'initiative',
                    initiativeId: initiative.initiativeId,
                    title: `Work on “${initiative.title}”`,
                  }}
                  label={`${initiative.title}: list its stories and tasks`}
                >
                  {initiative.title}
                </DrillButton>
              </th>
              <td>{laneLabels[initiative.lane]}</td>
              <td>{initiative.quarter ? formatQuarter(initiative.quarter) : NONE}</td>
              <td className="dash-table__progress">
                <ProgressBar
                  percent={initiative.progress.percent}
                  label={`Progress of “${initiative.title}”`}
                  detail={progressDetail(initiative)}
                />
              </td>
              <td className="table__number">{progressDetail(initiative)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    )}
  </ChartCard>
);

const PoDashboardBody = ({ dashboard }: { dashboard: PoDashboard }) => {
  const { current, previous } = dashboard;
  const { params } = useDashboardContext();
  return (
    <>
      {(params.boardId ?? params.segment ?? params.plan) !== undefined && (
        <p className="banner" data-testid="delivery-filters-note">
          Board, segment and plan narrow only the feedback figures: sprints, backlog and roadmap
          count all the work.
        </p>
      )}
      <Headlines items={headlines(current, previous)} />
      <div className="dash-grid">
        <VelocityCard velocity={current.velocity} />
        <SprintsCard velocity={current.velocity} />
        <ThroughputCard velocity={current.velocity} />
        <BacklogAgeingCard health={current.backlogHealth} />
        <RoadmapCard roadmap={current.roadmap} />
        <FunnelCard funnel={current.funnel} />
        <AgeingCard ageing={current.ageing} />
        <ResponseTimesCard times={current.responseTimes} />
      </div>
    </>
  );
};

const PoDashboardPage = () => (
  <DashboardFrame name="po">
    {(dashboard) => <PoDashboardBody dashboard={dashboard} />}
  </DashboardFrame>
);

export default PoDashboardPage;
