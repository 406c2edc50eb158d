import type { PublicInitiativeView, PublicRoadmapView } from '@chorus/domain/client';
import { Badge, EmptyState, ErrorState, SegmentedControl, Skeleton } from '@chorus/ui';
import { useState } from 'react';
import { describeError, isProblem } from '../api/problem-error';
import {
  formatQuarter,
  laneLabels,
  ProgressBar,
  quarterIndex,
  roadmapLanes,
} from '../roadmap/roadmap-ui';
import { Markdown } from './markdown';
import { usePublicRoadmap } from './public-queries';

type View = 'lanes' | 'quarters';

const viewOptions = [
  { value: 'lanes', label: 'Now, next, later' },
  { value: 'quarters', label: 'By quarter' },
] as const;

const PublicInitiative = ({
  initiative,
  show,
}: {
  initiative: PublicInitiativeView;
  show: 'lane' | 'quarter';
}) => (
  <article className="initiative" data-testid="public-initiative" aria-label={initiative.title}>
    <div className="initiative__head">
      {show === 'quarter' ? (
        initiative.quarter && <Badge>{formatQuarter(initiative.quarter)}</Badge>
      ) : (
        <Badge tone="accent">{laneLabels[initiative.lane]}</Badge>
      )}
    </div>
    <h3 className="initiative__title">{initiative.title}</h3>
    {initiative.description && <Markdown>{initiative.description}</Markdown>}
    <ProgressBar
      percent={initiative.progress.percent}
      label={`Progress of “${initiative.title}”`}
    />
  </article>
);

const Column = ({
  title,
  initiatives,
  show,
}: {
  title: string;
  initiatives: PublicInitiativeView[];
  show: 'lane' | 'quarter';
}) => (
  <section className="board-column" aria-label={title}>
    <header className="board-column__head">
      <h2 className="board-column__title">{title}</h2>
      <span className="board-column__count">{initiatives.length}</span>
    </header>
    <div className="board-column__cards">
      {initiatives.map((initiative) => (
        <PublicInitiative key={initiative.id} initiative={initiative} show={show} />
      ))}
      {initiatives.length === 0 && <p className="board-column__empty">Nothing here yet</p>}
    </div>
  </section>
);

const Roadmap = ({ roadmap, view }: { roadmap: PublicRoadmapView; view: View }) => {
  if (roadmapLanes.every((lane) => roadmap.lanes[lane].length === 0)) {
    return <EmptyState title="Nothing on the public roadmap yet" />;
  }
  if (view === 'lanes') {
    return (
      <div className="board board--lanes">
        {roadmapLanes.map((lane) => (
          <Column
            key={lane}
            title={laneLabels[lane]}
            initiatives={roadmap.lanes[lane]}
            show="quarter"
          />
        ))}
      </div>
    );
  }
  const quarters = [...roadmap.quarters].sort(
    (a, b) => (quarterIndex(a.quarter) ?? 0) - (quarterIndex(b.quarter) ?? 0),
  );
  return (
    <div className="board board--timeline">
      {quarters.map(({ quarter, initiatives }) => (
        <Column
          key={quarter}
          title={formatQuarter(quarter)}
          initiatives={initiatives}
          show="lane"
        />
      ))}
      {roadmap.unscheduled.length > 0 && (
        <Column title="Later, not yet scheduled" initiatives={roadmap.unscheduled} show="lane" />
      )}
    </div>
  );
};

export const PublicRoadmap = ({ slug }: { slug: string }) => {
  const roadmap = usePublicRoadmap(slug);
  const [view, setView] = useState<View>('lanes');
  return (
    <>
      <div className="page-header">
        <div>
          <h1 className="page-header__title">Roadmap</h1>
          <p className="page-header__lead">
            What {roadmap.data?.workspace.name ?? 'the team'} is working on now, next and later.
          </p>
        </div>
        <SegmentedControl
          label="Roadmap view"
          value={view}
          options={viewOptions}
          onChange={setView}
        />
      </div>
      {roadmap.isPending ? (
        <div className="board" aria-hidden="true">
          {Array.from({ length: 3 }, (_, index) => (
            <Skeleton key={index} height="12rem" />
          ))}
        </div>
      ) : roadmap.isError ? (
        <ErrorState
          title={isProblem(roadmap.error, 404) ? 'No such workspace' : "Couldn't load the roadmap"}
          detail={describeError(roadmap.error)}
          {...(isProblem(roadmap.error, 404)
            ? {}
            : { onRetry: () => void roadmap.refetch(), retrying: roadmap.isFetching })}
        />
      ) : (
        <Roadmap roadmap={roadmap.data} view={view} />
      )}
    </>
  );
};
