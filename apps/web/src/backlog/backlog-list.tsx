import type { BacklogItemView } from '@chorus/domain/client';
import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import {
  arrayMove,
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { cx } from '@chorus/ui';
import { Link } from 'wouter';
import { plural } from '../lib/format';
import { formatScore } from '../prioritisation/score-breakdown';
import {
  backlogItemHref,
  BacklogStatusBadge,
  formatPoints,
  KindBadge,
  ReadyBadge,
} from './backlog-ui';
import type { RankMove } from './backlog-queries';
import { DragHandle } from '../components/drag-handle';

type BacklogListProps = {
  items: BacklogItemView[];
  /** Scores by item id under the active model, when one is known. */
  scores: ReadonlyMap<string, number>;
  /** Whether the person may re-rank at all: without it, rows have no drag handle. */
  rankable: boolean;
  /** Moving is off while the list shows an older answer (e.g. filters just changed). */
  sortable: boolean;
  onMove: (move: RankMove) => void;
};

const BacklogRow = ({
  item,
  position,
  score,
  rankable,
  sortable,
}: {
  item: BacklogItemView;
  position: number;
  score: number | undefined;
  rankable: boolean;
  sortable: boolean;
}) => {
  const {
    attributes,
    listeners,
    setNodeRef,
    setActivatorNodeRef,
    transform,
    transition,
    isDragging,
  } = useSortable({ id: item.id, disabled: !rankable || !sortable });

  return (
    <li
      ref={setNodeRef}
      className={cx('backlog-row', isDragging && 'is-dragging')}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      data-testid="backlog-row"
      data-item-id={item.id}
    >
      {rankable ? (
        <DragHandle
          handleRef={setActivatorNodeRef}
          label={`Move “${item.title}”`}
          disabled={!sortable}
          attributes={attributes}
          listeners={listeners}
        />
      ) : (
        <span aria-hidden="true" />
      )}
      <span className="backlog-row__position" aria-hidden="true">
        {position}
      </span>
      <KindBadge kind={item.kind} />
      <div className="backlog-row__main">
        <Link className="backlog-row__title" href={backlogItemHref(item.id)}>
          {item.title}
        </Link>
        {item.labels.length > 0 && (
          <ul className="backlog-labels" aria-label="Labels">
            {item.labels.map((label) => (
              <li key={label} className="backlog-label">
                {label}
              </li>
            ))}
          </ul>
        )}
      </div>
      <span className="backlog-row__points">{formatPoints(item.estimate)}</span>
      <BacklogStatusBadge status={item.status} />
      <ReadyBadge ready={item.ready} reason={item.notReadyReason} />
      <span
        className="backlog-row__fact"
        title={plural(item.feedback.length, 'linked feedback', 'linked feedback')}
      >
        <span className="ui-visually-hidden">Linked feedback: </span>
        {item.feedback.length.toLocaleString()}
      </span>
      <span className="backlog-row__score" title="Score under the active model">
        {score === undefined ? (
          <>
            <span aria-hidden="true">—</span>
            <span className="ui-visually-hidden">No score</span>
          </>
        ) : (
          <>
            <span className="ui-visually-hidden">Score: </span>
            {formatScore(score)}
          </>
        )}
      </span>
    </li>
  );
};

/**
 * The ranked backlog: drag a row by its handle, or focus the handle, press Space, move with the
 * arrow keys and press Space again. The row moves at once; the server gets its new neighbours.
 */
export const BacklogList = ({ items, scores, rankable, sortable, onMove }: BacklogListProps) => {
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const titleOf = (id: UniqueIdentifier) =>
    items.find((item) => item.id === id)?.title ?? 'The item';
  const positionOf = (id: UniqueIdentifier) => items.findIndex((item) => item.id === id) + 1;
  const announcements: Announcements = {
    onDragStart: ({ active }) =>
      `Picked up “${titleOf(active.id)}” at position ${positionOf(active.id)} of ${items.length}.`,
    onDragOver: ({ active, over }) =>
      over
        ? `“${titleOf(active.id)}” is now at position ${positionOf(over.id)} of ${items.length}.`
        : `“${titleOf(active.id)}” is outside the list.`,
    onDragEnd: ({ active, over }) =>
      over
        ? `“${titleOf(active.id)}” dropped at position ${positionOf(over.id)} of ${items.length}.`
        : `“${titleOf(active.id)}” dropped where it was.`,
    onDragCancel: ({ active }) =>
      `Moving “${titleOf(active.id)}” cancelled. It stays at position ${positionOf(active.id)}.`,
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const from = items.findIndex((item) => item.id === active.id);
    const to = items.findIndex((item) => item.id === over.id);
    if (from === -1 || to === -1) return;
    const reordered = arrayMove(items, from, to);
    const after = reordered[to - 1];
    const before = reordered[to + 1];
    // A missing neighbour is left out, not null (the very top or bottom): the list may be
    // filtered or not fully loaded, so the item goes right next to the one it was dropped by.
    onMove({
      id: String(active.id),
      toIndex: to,
      ...(after ? { afterId: after.id } : {}),
      ...(before ? { beforeId: before.id } : {}),
    });
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      accessibility={{
        announcements,
        screenReaderInstructions: {
          draggable:
            'To move this item, press Space or Enter, move it with the up and down arrow keys, then press Space or Enter to drop it there, or Escape to cancel.',
        },
      }}
      onDragEnd={onDragEnd}
    >
      <SortableContext items={items.map((item) => item.id)} strategy={verticalListSortingStrategy}>
        <ol className="backlog-list" aria-label="Backlog items in rank order">
          {items.map((item, index) => (
            <BacklogRow
              key={item.id}
              item={item}
              position={index + 1}
              score={scores.get(item.id)}
              rankable={rankable}
              sortable={sortable}
            />
          ))}
        </ol>
      </SortableContext>
    </DndContext>
  );
};
