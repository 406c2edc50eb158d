import type { InitiativeView, RoadmapLaneName, RoadmapView } from '@chorus/domain/client';
import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
} from '@dnd-kit/core';
import { CSS } from '@dnd-kit/utilities';
import { cx } from '@chorus/ui';
import type { ReactNode } from 'react';
import { ArrowLeftIcon, ArrowRightIcon } from '../icons';
import { FormError } from '../lib/form-error';
import { InitiativeCard, type InitiativeActions } from './initiative-card';
import { allInitiatives, useMoveInitiative } from './roadmap-queries';
import { laneLabels, roadmapLanes } from './roadmap-ui';
import { DragHandle } from '../components/drag-handle';

const laneFromId = (id: string | number | undefined) => roadmapLanes.find((lane) => lane === id);

const DraggableInitiative = ({
  initiative,
  onMove,
  ...actions
}: InitiativeActions & {
  initiative: InitiativeView;
  onMove: (lane: RoadmapLaneName) => void;
}) => {
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({
    id: initiative.id,
  });
  const index = roadmapLanes.indexOf(initiative.lane);
  const before = roadmapLanes[index - 1];
  const after = roadmapLanes[index + 1];
  return (
    <InitiativeCard
      {...actions}
      initiative={initiative}
      context="lanes"
      nodeRef={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform) }}
      dragging={isDragging}
      moves={[
        ...(before ? [{ lane: before, icon: <ArrowLeftIcon /> }] : []),
        ...(after ? [{ lane: after, icon: <ArrowRightIcon /> }] : []),
      ]}
      onMove={onMove}
      handle={
        <DragHandle
          className="board-card__handle"
          label={`Drag “${initiative.title}”`}
          attributes={attributes}
          listeners={listeners}
        />
      }
    />
  );
};

type LaneProps = { lane: RoadmapLaneName; count: number; children: ReactNode };

const LaneColumn = ({
  lane,
  count,
  children,
  nodeRef,
  over = false,
}: LaneProps & { nodeRef?: (node: HTMLElement | null) => void; over?: boolean }) => {
  const headingId = `roadmap-lane-${lane}`;
  return (
    <section
      ref={nodeRef}
      className={cx('board-column', 'lane', over && 'board-column--over')}
      aria-labelledby={headingId}
      data-testid="roadmap-lane"
      data-lane={lane}
    >
      <header className="board-column__head">
        <h2 id={headingId} className="board-column__title">
          {laneLabels[lane]}
        </h2>
        <span className="board-column__count">{count}</span>
      </header>
      <div className="board-column__cards">
        {children}
        {count === 0 && <p className="board-column__empty">Nothing here yet</p>}
      </div>
    </section>
  );
};

const DroppableLane = (props: LaneProps) => {
  const { setNodeRef, isOver } = useDroppable({ id: props.lane });
  return <LaneColumn {...props} nodeRef={setNodeRef} over={isOver} />;
};

/** Initiatives move between lanes by drag and drop or with their buttons. */
const MovableLanes = ({ roadmap, ...actions }: InitiativeActions & { roadmap: RoadmapView }) => {
  const move = useMoveInitiative();
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor),
  );
  const titleOf = (id: string | number) =>
    allInitiatives(roadmap).find((initiative) => initiative.id === id)?.title ?? 'Initiative';

  const moveTo = (initiative: InitiativeView, lane: RoadmapLaneName) => {
    if (initiative.lane !== lane) move.mutate({ id: initiative.id, lane });
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const initiative = allInitiatives(roadmap).find((i) => i.id === active.id);
    const lane = laneFromId(over?.id);
    if (initiative && lane) moveTo(initiative, lane);
  };

  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up “${titleOf(active.id)}”.`,
    onDragOver: ({ active, over }) => {
      const lane = laneFromId(over?.id);
      return lane
        ? `“${titleOf(active.id)}” is over ${laneLabels[lane]}.`
        : `“${titleOf(active.id)}” is not over a lane.`;
    },
    onDragEnd: ({ active, over }) => {
      const lane = laneFromId(over?.id);
      return lane
        ? `“${titleOf(active.id)}” was dropped on ${laneLabels[lane]}.`
        : `“${titleOf(active.id)}” was dropped where it was.`;
    },
    onDragCancel: ({ active }) => `Moving “${titleOf(active.id)}” was cancelled.`,
  };

  return (
    <>
      <FormError error={move.error} />
      <DndContext
        sensors={sensors}
        onDragEnd={onDragEnd}
        accessibility={{
          announcements,
          screenReaderInstructions: {
            draggable:
              'To move an initiative, press space or enter, use the arrow keys to choose a lane, then press space or enter again. Escape cancels.',
          },
        }}
      >
        <div className="board board--lanes">
          {roadmapLanes.map((lane) => (
            <DroppableLane key={lane} lane={lane} count={roadmap.lanes[lane].length}>
              {roadmap.lanes[lane].map((initiative) => (
                <DraggableInitiative
                  key={initiative.id}
                  {...actions}
                  initiative={initiative}
                  onMove={(to) => moveTo(initiative, to)}
                />
              ))}
            </DroppableLane>
          ))}
        </div>
      </DndContext>
    </>
  );
};

/**
 * Now, next and later. Without actions (the roadmap as it stood in the past) nothing moves and
 * the cards only show.
 */
export const RoadmapLanes = ({
  roadmap,
  actions,
}: {
  roadmap: RoadmapView;
  actions: InitiativeActions | null;
}) =>
  actions ? (
    <MovableLanes roadmap={roadmap} {...actions} />
  ) : (
    <div className="board board--lanes">
      {roadmapLanes.map((lane) => (
        <LaneColumn key={lane} lane={lane} count={roadmap.lanes[lane].length}>
          {roadmap.lanes[lane].map((initiative) => (
            <InitiativeCard key={initiative.id} initiative={initiative} context="lanes" />
          ))}
        </LaneColumn>
      ))}
    </div>
  );
