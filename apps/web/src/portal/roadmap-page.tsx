import type {
  PublicInitiativeView,
  PublicRoadmapView,
  RoadmapLaneName,
} from '@chorus/domain/client';
import { Badge, EmptyState, ErrorState, SegmentedControl, Skeleton } from '@chorus/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, isProblem } from '../api/problem-error';
import { Markdown } from '../public/markdown';
import { usePublicRoadmap } from '../public/public-queries';
import { formatQuarter, ProgressBar, quarterIndex, roadmapLanes } from '../roadmap/roadmap-ui';

const views = ['lanes', 'quarters'] as const;
type View = (typeof views)[number];

const useLaneLabel = () => {
  const { t } = useTranslation();
  return (lane: RoadmapLaneName) => t(`roadmap.lanes.${lane}`);
};

const PublicInitiative = ({
  initiative,
  show,
}: {
  initiative: PublicInitiativeView;
  show: 'lane' | 'quarter';
}) => {
  const { t } = useTranslation();
  const laneLabel = useLaneLabel();
  return (
    <article className="initiative" data-testid="public-initiative" aria-label={initiative.title}>
      <div className="initiative__head">
        {show === 'quarter' ? (
          initiative.quarter && <Badge>{formatQuarter(initiative.quarter)}</Badge>
        ) : (
          <Badge tone="accent">{laneLabel(initiative.lane)}</Badge>
        )}
      </div>
      <h3 className="initiative__title">{initiative.title}</h3>
      {initiative.description && <Markdown>{initiative.description}</Markdown>}
      <ProgressBar
        percent={initiative.progress.percent}
        label={t('roadmap.progress', { title: initiative.title })}
      />
    </article>
  );
};

const Column = ({
  title,
  initiatives,
  show,
}: {
  title: string;
  initiatives: PublicInitiativeView[];
  show: 'lane' | 'quarter';
}) => {
  const { t } = useTranslation();
  return (
    <section className="board-column" aria-label={title}>
      <header className="board-column__head">
        <h2 className="board-column__title">{title}</h2>
        <span className="board-column__count">{initiatives.length}</span>
      </header>
      <div className="board-column__cards">
        {initiatives.map((initiative) => (
          <PublicInitiative key={initiative.id} initiative={initiative} show={show} />
        ))}
        {initiatives.length === 0 && (
          <p className="board-column__empty">{t('roadmap.columnEmpty')}</p>
        )}
      </div>
    </section>
  );
};

const Roadmap = ({ roadmap, view }: { roadmap: PublicRoadmapView; view: View }) => {
  const { t } = useTranslation();
  const laneLabel = useLaneLabel();
  if (roadmapLanes.every((lane) => roadmap.lanes[lane].length === 0)) {
    return <EmptyState title={t('roadmap.empty')} />;
  }
  if (view === 'lanes') {
    return (
      <div className="board board--lanes">
        {roadmapLanes.map((lane) => (
          <Column
            key={lane}
            title={laneLabel(lane)}
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
        <Column title={t('roadmap.unscheduled')} initiatives={roadmap.unscheduled} show="lane" />
      )}
    </div>
  );
};

/** The workspace's public roadmap, in lanes or by quarter, for anyone: no sign-in. */
export const RoadmapPage = ({ slug }: { slug: string }) => {
  const { t } = useTranslation();
  const roadmap = usePublicRoadmap(slug);
  const [view, setView] = useState<View>('lanes');
  const name = roadmap.data?.workspace.name;
  return (
    <>
      <div className="page-header">
        <div>
          <h1 className="page-header__title">{t('roadmap.title')}</h1>
          <p className="page-header__lead">
            {name ? t('roadmap.lead', { workspace: name }) : t('roadmap.leadTeam')}
          </p>
        </div>
        <SegmentedControl
          label={t('roadmap.view')}
          value={view}
          options={views.map((value) => ({ value, label: t(`roadmap.views.${value}`) }))}
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
          title={isProblem(roadmap.error, 404) ? t('public.noWorkspace') : t('roadmap.loadError')}
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
