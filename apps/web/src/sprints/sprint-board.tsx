import {
  sprintBoardColumns,
  type SprintBoardColumn,
  type SprintDetail,
  type SprintItemView,
  type WorkStateName,
} from '@chorus/domain/client';
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
import { Badge, Button, cx, IconButton } from '@chorus/ui';
import { useState, type ReactNode } from 'react';
import { Link } from 'wouter';
import { backlogItemHref, formatPoints, KindBadge } from '../backlog/backlog-ui';
import { useCan, whoCan } from '../auth/use-can';
import { ArrowLeftIcon, ArrowRightIcon } from '../icons';
import { FormError } from '../lib/form-error';
import { ReviewDialog } from './review-dialog';
import { findOnBoard, useMoveItem } from './sprint-queries';
import { DragHandle } from '../components/drag-handle';

const columnLabels: Record<SprintBoardColumn, string> = {
  todo: 'To do',
  in_progress: 'In progress',
  in_review: 'In review',
  done: 'Done',
  accepted: 'Accepted',
};

const workStates: readonly WorkStateName[] = ['todo', 'in_progress', 'in_review', 'done'];
const isWorkState = (column: SprintBoardColumn): column is WorkStateName =>
  (workStates as readonly string[]).includes(column);

const columnOf = (item: SprintItemView): SprintBoardColumn =>
  item.status === 'released' || item.status === 'accepted'
    ? 'accepted'
    : (sprintBoardColumns.find((column) => column === item.status) ?? 'todo');

type CardProps = {
  item: SprintItemView;
  /** The sprint is running and the person may move work: cards move. */
  live: boolean;
  /** The sprint is running and the person may accept work: done cards are reviewed. */
  reviewable: boolean;
  onMove: (to: WorkStateName) => void;
  onReview: () => void;
};

const BoardCard = ({ item, live, reviewable, onMove, onReview }: CardProps) => {
  const column = columnOf(item);
  const workState = isWorkState(column) ? column : null;
  const movable = live && workState !== null;
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({
    id: item.id,
    disabled: !movable,
  });
  const index = workState ? workStates.indexOf(workState) : -1;
  const before = movable ? workStates[index - 1] : undefined;
  const after = movable ? workStates[index + 1] : undefined;
  const met = item.acceptanceCriteria.filter((criterion) => criterion.met).length;
  const review = reviewable && column === 'done';

  return (
    <article
      ref={setNodeRef}
      className={cx('board-card', isDragging && 'board-card--dragging')}
      style={{ transform: CSS.Translate.toString(transform) }}
      data-testid="board-card"
      data-item-id={item.id}
      aria-label={item.title}
    >
      <div className="board-card__head">
        <KindBadge kind={item.kind} />
        {item.status === 'released' && <Badge tone="accent">Released</Badge>}
        {movable && (
          <DragHandle
            className="board-card__handle"
            label={`Drag “${item.title}”`}
            attributes={attributes}
            listeners={listeners}
          />
        )}
      </div>
      <Link className="board-card__title" href={backlogItemHref(item.id)}>
        {item.title}
      </Link>
      <div className="board-card__meta">
        <span>{formatPoints(item.estimate)}</span>
        {item.acceptanceCriteria.length > 0 && (
          <span>
            {met}/{item.acceptanceCriteria.length} criteria met
          </span>
        )}
      </div>
      {(movable || review) && (
        <div className="board-card__actions">
          {before && (
            <IconButton
              label={`Move “${item.title}” to ${columnLabels[before]}`}
              icon={<ArrowLeftIcon />}
              onClick={() => onMove(before)}
            />
          )}
          {review && (
            <Button size="sm" variant="primary" onClick={onReview}>
              Review<span className="ui-visually-hidden"> “{item.title}”</span>
            </Button>
          )}
          {after && (
            <IconButton
              className="board-card__next"
              label={`Move “${item.title}” to ${columnLabels[after]}`}
              icon={<ArrowRightIcon />}
              onClick={() => onMove(after)}
            />
          )}
        </div>
      )}
    </article>
  );
};

const BoardColumn = ({
  column,
  items,
  live,
  children,
}: {
  column: SprintBoardColumn;
  items: SprintItemView[];
  live: boolean;
  children: ReactNode;
}) => {
  const { setNodeRef, isOver } = useDroppable({ id: column, disabled: !live });
  const headingId = `board-column-${column}`;
  const points = items.reduce((sum, item) => sum + (item.estimate ?? 0), 0);
  return (
    <section
      ref={setNodeRef}
      className={cx('board-column', isOver && 'board-column--over')}
      aria-labelledby={headingId}
      data-testid="board-column"
      data-column={column}
    >
      <header className="board-column__head">
        <h2 id={headingId} className="board-column__title">
          {columnLabels[column]}
        </h2>
        <span className="board-column__count">
          {items.length}
          <span className="ui-visually-hidden"> items,</span> · {points} pts
        </span>
      </header>
      <div className="board-column__cards">
        {children}
        {items.length === 0 && <p className="board-column__empty">Nothing here</p>}
      </div>
    </section>
  );
};

/** The sprint's items by work state; done items are reviewed by the Product Owner. */
export const SprintBoardView = ({ sprint }: { sprint: SprintDetail }) => {
  const can = useCan();
  // Cards move for who may work on them, and done ones are reviewed by who may accept them.
  const live = sprint.state === 'active' && can('backlog.work');
  const reviewable = sprint.state === 'active' && can('backlog.accept');
  const move = useMoveItem(sprint.id);
  const [reviewingId, setReviewingId] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor),
  );
  const titleOf = (id: string | number) => findOnBoard(sprint.items, String(id))?.title ?? 'Item';
  const columnFromId = (id: string | number | undefined) =>
    sprintBoardColumns.find((column) => column === id);

  const moveTo = (item: SprintItemView, to: WorkStateName) => {
    if (columnOf(item) === to) return;
    move.mutate({ itemId: item.id, to });
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const item = findOnBoard(sprint.items, String(active.id));
    const to = columnFromId(over?.id);
    if (!item || !to || to === columnOf(item)) return;
    if (to === 'accepted') {
      // Only the Product Owner's review moves an item there, and only once it is done.
      if (!reviewable) setNotice(`Accepting work is for ${whoCan('backlog.accept')}.`);
      else if (columnOf(item) === 'done') setReviewingId(item.id);
      else setNotice(`Only done items can be accepted: “${item.title}” is not done yet.`);
      return;
    }
    if (isWorkState(to)) moveTo(item, to);
  };

  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up “${titleOf(active.id)}”.`,
    onDragOver: ({ active, over }) => {
      const to = columnFromId(over?.id);
      return to
        ? `“${titleOf(active.id)}” is over ${columnLabels[to]}.`
        : `“${titleOf(active.id)}” is not over a column.`;
    },
    onDragEnd: ({ active, over }) => {
      const to = columnFromId(over?.id);
      return to
        ? `“${titleOf(active.id)}” was dropped on ${columnLabels[to]}.`
        : `“${titleOf(active.id)}” was dropped where it was.`;
    },
    onDragCancel: ({ active }) => `Moving “${titleOf(active.id)}” was cancelled.`,
  };

  const reviewing = reviewingId ? findOnBoard(sprint.items, reviewingId) : undefined;

  return (
    <>
      <FormError error={move.error} />
      {notice && (
        <p className="form-error" role="status">
          {notice}
        </p>
      )}
      <DndContext
        sensors={sensors}
        onDragStart={() => setNotice('')}
        onDragEnd={onDragEnd}
        accessibility={{
          announcements,
          screenReaderInstructions: {
            draggable:
              'To move an item, press space or enter, use the arrow keys to choose a column, then press space or enter again. Escape cancels.',
          },
        }}
      >
        <div className="board" data-testid="sprint-board">
          {sprintBoardColumns.map((column) => (
            <BoardColumn key={column} column={column} items={sprint.items[column]} live={live}>
              {sprint.items[column].map((item) => (
                <BoardCard
                  key={item.id}
                  item={item}
                  live={live}
                  reviewable={reviewable}
                  onMove={(to) => moveTo(item, to)}
                  onReview={() => setReviewingId(item.id)}
                />
              ))}
            </BoardColumn>
          ))}
        </div>
      </DndContext>
      <ReviewDialog sprintId={sprint.id} item={reviewing} onClose={() => setReviewingId(null)} />
    </>
  );
};
