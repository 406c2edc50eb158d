import type { SprintDetail } from '@chorus/domain/client';
import { Button, Card, SegmentedControl } from '@chorus/ui';
import { useState } from 'react';
import { Link } from 'wouter';
import { useCan } from '../auth/use-can';
import { DetailPage } from '../components/detail-page';
import { FormError } from '../lib/form-error';
import { plural } from '../lib/format';
import { CompleteSprintDialog } from './complete-sprint-dialog';
import { SprintBoardView } from './sprint-board';
import { SprintPlanning } from './sprint-planning';
import { useSprint, useStartSprint } from './sprint-queries';
import { CapacityBar, formatDays, SprintStateBadge } from './sprint-ui';

type Mode = 'board' | 'planning';

const modeOptions = [
  { value: 'board', label: 'Board' },
  { value: 'planning', label: 'Planning' },
] as const;

const SprintActions = ({ sprint }: { sprint: SprintDetail }) => {
  const start = useStartSprint(sprint.id);
  const [completing, setCompleting] = useState(false);
  const manager = useCan()('sprints.manage');
  if (!manager) return null;
  return (
    <div className="page-header__actions">
      <FormError error={start.error} inline />
      {sprint.state === 'planned' && (
        <Button variant="primary" loading={start.isPending} onClick={() => start.mutate(undefined)}>
          Start sprint
        </Button>
      )}
      {sprint.state === 'active' && (
        <Button variant="primary" onClick={() => setCompleting(true)}>
          Complete sprint
        </Button>
      )}
      {/* Stays mounted once the sprint is completed, to show what happened. */}
      <CompleteSprintDialog
        sprint={sprint}
        open={completing}
        onClose={() => setCompleting(false)}
      />
    </div>
  );
};

const SprintBody = ({ sprint }: { sprint: SprintDetail }) => {
  // A running sprint opens on its board; planning stays at hand for work taken on mid-sprint.
  const [mode, setMode] = useState<Mode>('board');
  const [warning, setWarning] = useState<string | null>(null);
  // Who may not plan sees the board, planned sprints too.
  const planner = useCan()('sprints.manage');
  const planning =
    planner && (sprint.state === 'planned' || (sprint.state === 'active' && mode === 'planning'));

  return (
    <>
      <div className="page-header">
        <div>
          <p className="page-header__eyebrow">
            <Link href="/sprints">Sprints</Link>
          </p>
          <h1 className="page-header__title sprint__title">
            {sprint.name} <SprintStateBadge state={sprint.state} />
          </h1>
          <p className="page-header__lead">
            {formatDays(sprint.startDate, sprint.endDate)} · {plural(sprint.itemCount, 'item')}
          </p>
          {sprint.goal && <p className="sprint__goal">{sprint.goal}</p>}
        </div>
        <SprintActions sprint={sprint} />
      </div>
      <Card>
        <CapacityBar sprint={sprint} warning={planning ? warning : null} />
      </Card>
      {planner && sprint.state === 'active' && (
        <SegmentedControl label="View" value={mode} options={modeOptions} onChange={setMode} />
      )}
      {planning ? (
        <SprintPlanning sprint={sprint} onWarning={setWarning} />
      ) : (
        <SprintBoardView sprint={sprint} />
      )}
    </>
  );
};

const SprintPage = ({ id }: { id: string }) => (
  <DetailPage
    query={useSprint(id)}
    noun="sprint"
    back={{ href: '/sprints', label: 'All sprints' }}
    wide
  >
    {(sprint) => <SprintBody sprint={sprint} />}
  </DetailPage>
);

export default SprintPage;
