import type { BacklogItemView, RoadmapLaneName } from '@chorus/domain/client';
import { Card, Select } from '@chorus/ui';
import { useQuery } from '@tanstack/react-query';
import { describeError } from '../api/problem-error';
import { useCan, whoCan } from '../auth/use-can';
import { FormError } from '../lib/form-error';
import { fetchRoadmap } from './backlog-api';
import { useSetInitiative } from './backlog-queries';

const lanes: readonly RoadmapLaneName[] = ['now', 'next', 'later'];
const laneLabels: Record<RoadmapLaneName, string> = { now: 'Now', next: 'Next', later: 'Later' };

/** The roadmap initiative the item delivers; its progress counts the item. */
export const InitiativePicker = ({
  item,
  onAnnounce,
}: {
  item: BacklogItemView;
  onAnnounce: (message: string) => void;
}) => {
  const roadmap = useQuery({
    queryKey: ['roadmap'],
    queryFn: ({ signal }) => fetchRoadmap(signal),
    staleTime: 60_000,
  });
  const set = useSetInitiative(item.id);
  const planner = useCan()('backlog.plan');
  const initiatives = lanes.flatMap((lane) =>
    (roadmap.data?.lanes[lane] ?? []).map((initiative) => ({ ...initiative, lane })),
  );
  const current = initiatives.find((initiative) => initiative.id === item.initiativeId);

  return (
    <Card>
      <h2 className="card__title">Roadmap</h2>
      <Select
        label="Initiative"
        value={item.initiativeId ?? ''}
        disabled={!planner || roadmap.isPending || set.isPending}
        title={planner ? undefined : `Choosing the initiative is for ${whoCan('backlog.plan')}.`}
        hint={
          roadmap.isError
            ? `Couldn't load the roadmap: ${describeError(roadmap.error)}`
            : current
              ? `${current.progress.percent}% done`
              : undefined
        }
        options={[
          { value: '', label: roadmap.isPending ? 'Loading initiatives…' : 'No initiative' },
          ...initiatives.map((initiative) => ({
            value: initiative.id,
            label: `${initiative.title} (${laneLabels[initiative.lane]})`,
          })),
          ...(item.initiativeId && !current
            ? [{ value: item.initiativeId, label: 'An initiative not on the roadmap' }]
            : []),
        ]}
        onChange={(event) => {
          const initiativeId = event.target.value || null;
          const title = initiatives.find((initiative) => initiative.id === initiativeId)?.title;
          set.mutate(initiativeId, {
            onSuccess: () =>
              onAnnounce(title ? `Filed under “${title}”.` : 'Taken off its initiative.'),
          });
        }}
      />
      {roadmap.isSuccess && initiatives.length === 0 && (
        <p className="detail__muted">No initiatives on the roadmap yet.</p>
      )}
      <FormError error={set.error} />
    </Card>
  );
};
