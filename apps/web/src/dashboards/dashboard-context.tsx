import type {
  DashboardName,
  DashboardNames,
  DashboardParams,
  ResolvedDashboardQuery,
} from '@chorus/domain/client';
import { cx } from '@chorus/ui';
import { createContext, useContext, type ReactNode } from 'react';
import type { DrillTarget } from './dashboard-api';

export type Drill = DrillTarget & { title: string };

type DashboardContextValue = {
  name: DashboardName;
  params: DashboardParams;
  query: ResolvedDashboardQuery;
  names: DashboardNames;
  onDrill: (drill: Drill) => void;
};

export const DashboardContext = createContext<DashboardContextValue | null>(null);

export const useDashboardContext = (): DashboardContextValue => {
  const value = useContext(DashboardContext);
  if (!value) throw new Error('Dashboard parts must be rendered inside a dashboard.');
  return value;
};

/** A number that lists what it counts: a real button, so a keyboard reaches every drill. */
export const DrillButton = ({
  drill,
  className,
  label,
  children,
}: {
  drill: Drill;
  className?: string;
  /** The accessible name, when the visible text alone does not say what opens. */
  label?: string;
  children: ReactNode;
}) => {
  const { onDrill } = useDashboardContext();
  return (
    <button
      type="button"
      className={cx('drill-button', className)}
      aria-label={label}
      aria-haspopup="dialog"
      onClick={() => onDrill(drill)}
    >
      {children}
    </button>
  );
};
