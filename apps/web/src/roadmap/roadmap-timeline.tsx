import type { InitiativeView, RoadmapView } from '@chorus/domain/client';
import { Badge, cx } from '@chorus/ui';
import { InitiativeCard, type InitiativeActions } from './initiative-card';
import {
  currentQuarterIndex,
  formatQuarter,
  quarterFromIndex,
  quarterIndex,
  quarterRange,
} from './roadmap-ui';

/** Beyond this many quarters the timeline shows only those with initiatives, not every gap. */
const MAX_FILLED_QUARTERS = 12;

/** The quarters to show: from now (or the earliest scheduled) to a year ahead (or the latest). */
const timelineQuarters = (roadmap: RoadmapView, now: number): string[] => {
  const scheduled = roadmap.quarters
    .map(({ quarter }) => quarterIndex(quarter))
    .filter((index) => index !== null);
  const first = Math.min(now, ...scheduled);
  const last = Math.max(now + 3, ...scheduled);
  if (last - first < MAX_FILLED_QUARTERS) return quarterRange(first, last);
  const shown = new Set([...scheduled, now]);
  return [...shown].sort((a, b) => a - b).map(quarterFromIndex);
};

const Column = ({
  title,
  initiatives,
  current = false,
  actions,
}: {
  title: string;
  initiatives: InitiativeView[];
  current?: boolean;
  actions: InitiativeActions | null;
}) => (
  <section
    className={cx('board-column', 'timeline-column', current && 'timeline-column--current')}
    aria-label={title}
    data-testid="timeline-column"
  >
    <header className="board-column__head">
      <h2 className="board-column__title">{title}</h2>
      {current && <Badge tone="accent">This quarter</Badge>}
    </header>
    <div className="board-column__cards">
      {initiatives.map((initiative) => (
        <InitiativeCard
          key={initiative.id}
          {...actions}
          initiative={initiative}
          context="timeline"
        />
      ))}
      {initiatives.length === 0 && <p className="board-column__empty">Nothing scheduled</p>}
    </div>
  </section>
);

/**
 * Initiatives in the quarter they are committed to; those without one aside. Without actions
 * (the roadmap as it stood in the past) the cards only show.
 */
export const RoadmapTimeline = ({
  roadmap,
  actions,
}: {
  roadmap: RoadmapView;
  actions: InitiativeActions | null;
}) => {
  const now = currentQuarterIndex();
  const byQuarter = new Map(roadmap.quarters.map((q) => [q.quarter, q.initiatives]));
  return (
    <div className="timeline-view">
      <div className="board board--timeline">
        {timelineQuarters(roadmap, now).map((quarter) => (
          <Column
            key={quarter}
            title={formatQuarter(quarter)}
            initiatives={byQuarter.get(quarter) ?? []}
            current={quarterIndex(quarter) === now}
            actions={actions}
          />
        ))}
      </div>
      <Column title="Unscheduled" initiatives={roadmap.unscheduled} actions={actions} />
    </div>
  );
};
