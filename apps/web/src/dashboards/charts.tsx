import { useId, type ReactElement } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatCount, periodLabel, shortDay } from './format';

/** One line or bar: `colour` is a CSS colour, custom properties included (dashboards.css). */
export type Series<T> = {
  key: Extract<keyof T, string>;
  label: string;
  colour: string;
  /** Drawn dashed and light: the previous period behind the current one. */
  faint?: boolean;
};

const axisTick = { fontSize: 12, fill: 'var(--ui-text-subtle)' };
const tooltipStyle = {
  border: '1px solid var(--ui-border)',
  borderRadius: 'var(--ui-radius-md)',
  boxShadow: 'var(--ui-shadow-sm)',
  fontSize: 'var(--ui-text-sm)',
};
const margin = { top: 8, right: 8, bottom: 0, left: 0 };
// Series keep the order they are given in (this period first), not alphabetical.
const legendProps = { itemSorter: null, wrapperStyle: { fontSize: 12 } } as const;

/**
 * A chart as a figure named by `label`, described by `summary` for those who cannot see it.
 * Animations are off: every filter change redraws, and replaying them each time only distracts.
 */
const ChartFrame = ({
  label,
  summary,
  height,
  children,
}: {
  label: string;
  summary: string;
  height: number;
  children: ReactElement;
}) => {
  const summaryId = useId();
  return (
    <figure className="chart" aria-label={label} aria-describedby={summaryId}>
      <ResponsiveContainer width="100%" height={height}>
        {children}
      </ResponsiveContainer>
      <figcaption id={summaryId} className="ui-visually-hidden">
        {summary}
      </figcaption>
    </figure>
  );
};

/** Series over the days or weeks of the range. */
export const TrendChart = <T extends { period: string }>({
  data,
  series,
  label,
  summary,
  granularity,
  height = 220,
}: {
  data: readonly T[];
  series: readonly Series<T>[];
  label: string;
  summary: string;
  granularity: 'day' | 'week';
  height?: number;
}) => (
  <ChartFrame label={label} summary={summary} height={height}>
    <LineChart data={data} margin={margin} title={label} desc={summary}>
      <CartesianGrid vertical={false} stroke="var(--ui-border)" />
      <XAxis dataKey="period" tickFormatter={shortDay} tick={axisTick} minTickGap={24} />
      <YAxis allowDecimals={false} tick={axisTick} width={40} tickFormatter={formatCount} />
      <Tooltip
        contentStyle={tooltipStyle}
        labelFormatter={(period) =>
          typeof period === 'string' ? periodLabel(period, granularity) : period
        }
        formatter={(value) => formatCount(Number(value))}
      />
      {series.length > 1 && <Legend iconType="plainline" {...legendProps} />}
      {series.map((line) => (
        <Line
          key={line.key}
          dataKey={line.key}
          name={line.label}
          stroke={line.colour}
          strokeWidth={line.faint ? 1.5 : 2}
          strokeOpacity={line.faint ? 0.45 : 1}
          strokeDasharray={line.faint ? '4 3' : undefined}
          dot={false}
          isAnimationActive={false}
        />
      ))}
    </LineChart>
  </ChartFrame>
);

/**
 * Bars per category (funnel stage, age bucket, quarter, sprint). With `onSelect`, a click on a
 * bar drills into it; the card lists the same drills as buttons for keyboards.
 */
export const CategoryChart = <T extends object>({
  data,
  category,
  series,
  label,
  summary,
  formatCategory,
  formatLabel = formatCategory,
  formatValue = formatCount,
  onSelect,
  height = 220,
}: {
  data: readonly T[];
  category: Extract<keyof T, string>;
  series: readonly Series<T>[];
  label: string;
  summary: string;
  formatCategory?: (value: string) => string;
  /** The tooltip's title for a category, when it says more than the axis tick. */
  formatLabel?: (value: string) => string;
  formatValue?: (value: number) => string;
  onSelect?: (row: T) => void;
  height?: number;
}) => (
  <ChartFrame label={label} summary={summary} height={height}>
    <BarChart data={data} margin={margin} title={label} desc={summary}>
      <CartesianGrid vertical={false} stroke="var(--ui-border)" />
      <XAxis
        dataKey={category}
        tick={axisTick}
        tickFormatter={formatCategory ? (value) => formatCategory(String(value)) : undefined}
        interval="preserveStartEnd"
      />
      <YAxis
        tick={axisTick}
        width={formatValue === formatCount ? 40 : 64}
        tickFormatter={(value) => formatValue(Number(value))}
      />
      <Tooltip
        contentStyle={tooltipStyle}
        cursor={{ fill: 'var(--ui-surface-hover)' }}
        labelFormatter={(value) =>
          formatLabel && typeof value === 'string' ? formatLabel(value) : value
        }
        formatter={(value) => formatValue(Number(value))}
      />
      {series.length > 1 && <Legend {...legendProps} />}
      {series.map((bar) => (
        <Bar
          key={bar.key}
          dataKey={bar.key}
          name={bar.label}
          fill={bar.colour}
          radius={[3, 3, 0, 0]}
          maxBarSize={48}
          isAnimationActive={false}
          cursor={onSelect ? 'pointer' : undefined}
          onClick={
            onSelect
              ? (_bar, index) => {
                  const row = data[index];
                  if (row) onSelect(row);
                }
              : undefined
          }
        />
      ))}
    </BarChart>
  </ChartFrame>
);
