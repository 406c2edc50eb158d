import {
  feedbackSourceLabels,
  type ClosedLoop,
  type DurationStats,
  type LinkedShares,
  type PmComparison,
  type PmDashboard,
  type PmFigures,
  type TopRequestView,
} from '@chorus/domain/client';
import { StatusBadge } from '@chorus/ui';
import { Link } from 'wouter';
import { feedbackHref } from '../backlog/backlog-ui';
import { formatMoney } from '../lib/format';
import { formatQuarter } from '../roadmap/roadmap-ui';
import { CardEmpty, ChartCard } from './chart-card';
import { CategoryChart, TrendChart } from './charts';
import { DashboardFrame } from './dashboard-frame';
import { DrillButton, useDashboardContext, type Drill } from './dashboard-context';
import { AgeingCard, FunnelCard, ResponseTimesCard } from './feedback-cards';
import {
  changeOf,
  formatCount,
  formatDuration,
  formatShare,
  periodLabel,
  type Better,
} from './format';
import { Headlines, type Headline } from './headlines';

const count = (
  current: number,
  previous: number | undefined,
  better: Better,
): Pick<Headline, 'value' | 'change'> => ({
  value: formatCount(current),
  change: changeOf(current, previous, { better }),
});

/** A median wait (shorter is better), its p90, and a drill into what is still waiting. */
const waitHeadline = (
  id: string,
  label: string,
  stats: DurationStats,
  previousMedian: number | null | undefined,
  waiting: Drill,
  waitingLabel: string,
): Headline => ({
  id,
  label,
  value: formatDuration(stats.medianMs),
  change: changeOf(stats.medianMs, previousMedian, { better: 'down' }),
  detail: (
    <>
      p90 {formatDuration(stats.p90Ms)} ·{' '}
      <DrillButton className="dash-link-button" drill={waiting}>
        {waitingLabel}
      </DrillButton>
    </>
  ),
});

const headlines = (current: PmFigures, previous: PmComparison | null): Headline[] => {
  const { firstResponse, triage } = current.responseTimes;
  const { closedLoop, leadTime } = current.closedLoop;
  return [
    {
      id: 'feedback',
      label: 'Feedback',
      ...count(current.feedbackVolume.total, previous?.feedbackVolume.total, null),
      drill: { of: 'submitted', title: 'Feedback submitted' },
    },
    {
      id: 'net-votes',
      label: 'Net votes',
      ...count(current.votes.net, previous?.votes.net, 'up'),
      detail: `${formatCount(current.votes.cast)} cast · ${formatCount(current.votes.withdrawn)} withdrawn`,
    },
    {
      id: 'unique-voters',
      label: 'Unique voters',
      ...count(current.uniqueVoters.total, previous?.uniqueVoters.total, 'up'),
    },
    {
      id: 'active-customers',
      label: 'Active customers',
      ...count(current.activeCustomers.customers, previous?.activeCustomers.customers, 'up'),
      detail: `from ${formatCount(current.activeCustomers.companies)} companies`,
    },
    waitHeadline(
      'first-response',
      'Median first response',
      firstResponse,
      previous?.responseTimes.firstResponse.medianMs,
      { of: 'unanswered', title: 'Feedback without a first response' },
      `${formatCount(current.responseTimes.unanswered)} unanswered`,
    ),
    waitHeadline(
      'triage',
      'Median time to triage',
      triage,
      previous?.responseTimes.triage.medianMs,
      { of: 'untriaged', title: 'Feedback not yet triaged' },
      `${formatCount(current.responseTimes.untriaged)} untriaged`,
    ),
    {
      id: 'closed-loop',
      label: 'Closed-loop rate',
      value: formatShare(closedLoop),
      change: changeOf(closedLoop.ratio, previous?.closedLoop.closedLoop.ratio, {
        better: 'up',
        unit: 'points',
      }),
      drill: { of: 'notified', title: 'Delivered feedback whose askers were told' },
      detail: (
        <>
          {formatCount(closedLoop.numerator)} of{' '}
          <DrillButton
            className="dash-link-button"
            drill={{ of: 'delivered', title: 'Feedback delivered in the range' }}
          >
            {formatCount(closedLoop.denominator)} delivered
          </DrillButton>
        </>
      ),
    },
    {
      id: 'linked-backlog',
      label: 'Linked to backlog',
      value: formatShare(current.linked.backlog),
      change: changeOf(current.linked.backlog.ratio, previous?.linked.backlog.ratio, {
        better: 'up',
        unit: 'points',
      }),
      drill: { of: 'linked', title: 'Feedback linked to backlog work' },
      detail: `${formatCount(current.linked.backlog.numerator)} of ${formatCount(current.linked.backlog.denominator)}`,
    },
    {
      id: 'linked-roadmap',
      label: 'On the roadmap',
      value: formatShare(current.linked.roadmap),
      change: changeOf(current.linked.roadmap.ratio, previous?.linked.roadmap.ratio, {
        better: 'up',
        unit: 'points',
      }),
      drill: { of: 'roadmap', title: 'Feedback linked to the roadmap' },
      detail: `${formatCount(current.linked.roadmap.numerator)} of ${formatCount(current.linked.roadmap.denominator)}`,
    },
    {
      id: 'lead-time',
      label: 'Median lead time',
      value: formatDuration(leadTime.medianMs),
      change: changeOf(leadTime.medianMs, previous?.closedLoop.leadTime.medianMs, {
        better: 'down',
      }),
      drill: { of: 'delivered', title: 'Feedback delivered in the range' },
      detail: `p90 ${formatDuration(leadTime.p90Ms)} · ${formatCount(leadTime.count)} delivered`,
    },
  ];
};

/** The period with the most of `key`, for a chart's spoken summary. */
const peak = <T extends { period: string }>(series: readonly T[], value: (row: T) => number) =>
  series.reduce<T | undefined>(
    (best, row) => (best === undefined || value(row) > value(best) ? row : best),
    undefined,
  );

const Breakdown = ({
  label,
  rows,
}: {
  label: string;
  rows: readonly { key: string; name: string; count: number }[];
}) =>
  rows.length === 0 ? null : (
    <div className="breakdown">
      <h3 className="dash-card__subtitle">{label}</h3>
      <ul className="breakdown__list" aria-label={label}>
        {rows.slice(0, 6).map((row) => (
          <li key={row.key}>
            {row.name} <strong>{formatCount(row.count)}</strong>
          </li>
        ))}
      </ul>
    </div>
  );

/** The previous period has as many days as this one: its points line up by position. */
const alongPrevious = (
  series: readonly { period: string; count: number }[],
  before: readonly { count: number }[] | undefined,
) =>
  series.map((point, index) => ({
    period: point.period,
    count: point.count,
    previous: before?.[index]?.count ?? null,
  }));

/** This period's line and, when compared, the previous period's drawn faintly behind it. */
const periodSeries = (colour: string, compared: boolean) => [
  { key: 'count' as const, label: 'This period', colour },
  ...(compared
    ? [{ key: 'previous' as const, label: 'Previous period', colour, faint: true }]
    : []),
];

const VolumeCard = ({
  current,
  previous,
}: {
  current: PmFigures;
  previous: PmComparison | null;
}) => {
  const { query, names } = useDashboardContext();
  const volume = current.feedbackVolume;
  const data = alongPrevious(volume.series, previous?.feedbackVolume.series);
  const busiest = peak(volume.series, (point) => point.count);
  return (
    <ChartCard
      title="Feedback volume"
      lead={
        previous
          ? `Feedback submitted per ${query.granularity}, with the previous period behind it.`
          : `Feedback submitted per ${query.granularity}.`
      }
      tables={[{ table: 'feedback-volume' }]}
      wide
    >
      {volume.total === 0 ? (
        <CardEmpty title="No feedback in this period" />
      ) : (
        <>
          <TrendChart
            data={data}
            series={periodSeries('var(--dash-series-1)', previous !== null)}
            label="Feedback volume"
            summary={`${formatCount(volume.total)} feedback items${
              previous ? ` against ${formatCount(previous.feedbackVolume.total)} before` : ''
            }${busiest ? `; the most, ${formatCount(busiest.count)}, in ${periodLabel(busiest.period, query.granularity)}` : ''}.`}
            granularity={query.granularity}
            height={240}
          />
          <div className="breakdowns">
            <Breakdown
              label="By board"
              rows={volume.byBoard.map(({ key, count }) => ({
                key,
                name: names.boards[key] ?? key,
                count,
              }))}
            />
            <Breakdown
              label="By source"
              rows={volume.bySource.map(({ key, count }) => ({
                key,
                name: feedbackSourceLabels[key],
                count,
              }))}
            />
            <Breakdown
              label="By segment"
              rows={volume.bySegment.map(({ key, count }) => ({
                key: key ?? '',
                name: key ?? 'No segment',
                count,
              }))}
            />
          </div>
        </>
      )}
    </ChartCard>
  );
};

const VotesCard = ({ current }: { current: PmFigures }) => {
  const { query } = useDashboardContext();
  const { votes } = current;
  return (
    <ChartCard title="Votes" tables={[{ table: 'votes' }]}>
      {votes.cast === 0 && votes.withdrawn === 0 ? (
        <CardEmpty title="No votes in this period" />
      ) : (
        <TrendChart
          data={votes.series}
          series={[
            { key: 'cast', label: 'Cast', colour: 'var(--dash-series-1)' },
            { key: 'withdrawn', label: 'Withdrawn', colour: 'var(--dash-series-bad)' },
            { key: 'net', label: 'Net', colour: 'var(--dash-series-3)' },
          ]}
          label="Votes cast and withdrawn"
          summary={`${formatCount(votes.cast)} votes cast and ${formatCount(votes.withdrawn)} withdrawn: ${formatCount(votes.net)} net.`}
          granularity={query.granularity}
        />
      )}
    </ChartCard>
  );
};

const VotersCard = ({
  current,
  previous,
}: {
  current: PmFigures;
  previous: PmComparison | null;
}) => {
  const { query } = useDashboardContext();
  const voters = current.uniqueVoters;
  const data = alongPrevious(voters.series, previous?.uniqueVoters.series);
  return (
    <ChartCard title="Unique voters" tables={[{ table: 'unique-voters' }]}>
      {voters.total === 0 ? (
        <CardEmpty title="No one voted in this period" />
      ) : (
        <TrendChart
          data={data}
          series={periodSeries('var(--dash-series-2)', previous !== null)}
          label="Unique voters"
          summary={`${formatCount(voters.total)} people voted in the range.`}
          granularity={query.granularity}
        />
      )}
    </ChartCard>
  );
};

const ActiveCard = ({ current }: { current: PmFigures }) => {
  const { query } = useDashboardContext();
  const active = current.activeCustomers;
  return (
    <ChartCard title="Active customers and companies" tables={[{ table: 'active-customers' }]}>
      {active.customers === 0 ? (
        <CardEmpty title="No customer activity in this period" />
      ) : (
        <TrendChart
          data={active.series}
          series={[
            { key: 'customers', label: 'Customers', colour: 'var(--dash-series-1)' },
            { key: 'companies', label: 'Companies', colour: 'var(--dash-series-2)' },
          ]}
          label="Active customers and companies"
          summary={`${formatCount(active.customers)} customers from ${formatCount(active.companies)} companies submitted, voted or commented.`}
          granularity={query.granularity}
        />
      )}
    </ChartCard>
  );
};

const RevenueCard = ({ current }: { current: PmFigures }) => {
  const quarters = current.revenueByQuarter;
  const atStake = quarters.reduce((sum, quarter) => sum + quarter.atStakeCents, 0);
  const delivered = quarters.reduce((sum, quarter) => sum + quarter.deliveredCents, 0);
  return (
    <ChartCard
      title="Revenue at stake vs delivered"
      lead="Monthly revenue of the companies voting for requests submitted each quarter: waiting, or done."
      tables={[{ table: 'revenue-by-quarter' }]}
    >
      {atStake === 0 && delivered === 0 ? (
        <CardEmpty title="No revenue behind requests in this period" />
      ) : (
        <CategoryChart
          data={quarters}
          category="quarter"
          series={[
            { key: 'atStakeCents', label: 'At stake', colour: 'var(--dash-series-4)' },
            { key: 'deliveredCents', label: 'Delivered', colour: 'var(--dash-series-3)' },
          ]}
          label="Revenue at stake vs delivered per quarter"
          summary={`${formatMoney(atStake)} at stake and ${formatMoney(delivered)} delivered over ${quarters.length} quarters.`}
          formatCategory={formatQuarter}
          formatValue={(cents) => formatMoney(cents, { compact: true })}
        />
      )}
    </ChartCard>
  );
};

const shareText = (label: string, share: LinkedShares['backlog']) =>
  `${label}: ${formatShare(share)} (${formatCount(share.numerator)} of ${formatCount(share.denominator)})`;

const FollowThroughCard = ({ linked, loop }: { linked: LinkedShares; loop: ClosedLoop }) => (
  <ChartCard
    title="Follow-through"
    lead="How much of the feedback turns into work, and whether the askers hear it shipped."
    tables={[
      { table: 'linked', label: 'Linked CSV', description: 'linked shares' },
      { table: 'closed-loop', label: 'Closed loop CSV', description: 'closed loop' },
    ]}
  >
    <ul className="share-list">
      {[
        { id: 'backlog', label: 'Linked to backlog work', share: linked.backlog },
        { id: 'roadmap', label: 'Linked to the roadmap', share: linked.roadmap },
        { id: 'loop', label: 'Delivered and told', share: loop.closedLoop },
      ].map(({ id, label, share }) => (
        <li key={id} className="share-list__item">
          <span className="share-list__label">{label}</span>
          <span
            className="share-bar"
            role="meter"
            aria-label={label}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={share.ratio === null ? 0 : Math.round(share.ratio * 100)}
            aria-valuetext={shareText(label, share)}
          >
            <span
              className="share-bar__fill"
              style={{ width: `${Math.round((share.ratio ?? 0) * 100)}%` }}
            />
          </span>
          <span className="share-list__value">
            {formatShare(share)}{' '}
            <span className="share-list__of">
              {formatCount(share.numerator)} of {formatCount(share.denominator)}
            </span>
          </span>
        </li>
      ))}
    </ul>
    <p className="dash-card__note">
      Lead time from submission to done: median {formatDuration(loop.leadTime.medianMs)}, p90{' '}
      {formatDuration(loop.leadTime.p90Ms)}.
    </p>
  </ChartCard>
);

const TopRequestsCard = ({
  title,
  rows,
  table,
}: {
  title: string;
  rows: readonly TopRequestView[];
  table: 'top-by-votes' | 'top-by-revenue';
}) => {
  const { names } = useDashboardContext();
  return (
    <ChartCard title={title} tables={[{ table }]}>
      {rows.length === 0 ? (
        <CardEmpty title="No votes in this period" />
      ) : (
        <table className="table dash-table">
          <caption className="ui-visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">Request</th>
              <th scope="col">Status</th>
              <th scope="col" className="table__number">
                Votes
              </th>
              <th scope="col" className="table__number">
                Revenue
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.feedbackId}>
                <th scope="row">
                  <Link href={feedbackHref(row.feedbackId)}>{row.title}</Link>
                  <span className="table__hint dash-table__sub">
                    {names.boards[row.boardId] ?? row.boardId}
                  </span>
                </th>
                <td>
                  <StatusBadge
                    status={row.statusId}
                    label={names.statuses[row.statusId] ?? row.statusId}
                  />
                </td>
                <td className="table__number">{formatCount(row.votes)}</td>
                <td className="table__number">{formatMoney(row.revenueCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </ChartCard>
  );
};

const PmDashboardBody = ({ dashboard }: { dashboard: PmDashboard }) => {
  const { current, previous } = dashboard;
  return (
    <>
      <Headlines items={headlines(current, previous)} />
      <div className="dash-grid">
        <VolumeCard current={current} previous={previous} />
        <VotesCard current={current} />
        <VotersCard current={current} previous={previous} />
        <ActiveCard current={current} />
        <RevenueCard current={current} />
        <FunnelCard funnel={current.funnel} />
        <AgeingCard ageing={current.ageing} />
        <ResponseTimesCard times={current.responseTimes} />
        <FollowThroughCard linked={current.linked} loop={current.closedLoop} />
        <TopRequestsCard
          title="Top requests by votes"
          rows={current.topByVotes}
          table="top-by-votes"
        />
        <TopRequestsCard
          title="Top requests by revenue"
          rows={current.topByRevenue}
          table="top-by-revenue"
        />
      </div>
    </>
  );
};

const PmDashboardPage = () => (
  <DashboardFrame name="pm">
    {(dashboard) => <PmDashboardBody dashboard={dashboard} />}
  </DashboardFrame>
);

export default PmDashboardPage;
