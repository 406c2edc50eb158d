import { StatusBadge, TagChip } from '@chorus/ui';
import type { CatalogView, FeedbackItem } from '../api/types';
import { useCatalogOrDefault } from '../queries/catalog';

/** A status id, readable: its name in this workspace, or the id itself if it was never defined. */
export const useStatusName = () => {
  const catalog = useCatalogOrDefault();
  return (id: string) => catalog.statuses.find((s) => s.id === id)?.name ?? id.replace(/_/g, ' ');
};

export const FeedbackStatusBadge = ({ status }: { status: string }) => {
  const catalog = useCatalogOrDefault();
  const definition = catalog.statuses.find((s) => s.id === status);
  return (
    <StatusBadge
      status={status}
      label={definition?.name ?? status.replace(/_/g, ' ')}
      colour={definition?.colour}
    />
  );
};

type FeedbackTagsProps = {
  tags: FeedbackItem['tags'];
  onRemove?: (tagId: string) => void;
};

export const FeedbackTags = ({ tags, onRemove }: FeedbackTagsProps) => {
  const catalog = useCatalogOrDefault();
  if (tags.length === 0) return null;
  return (
    <ul className="tag-list" aria-label="Tags">
      {tags.map((tagId) => {
        const tag = catalog.tags.find((t) => t.id === tagId);
        return (
          <li key={tagId}>
            <TagChip
              label={tag?.name ?? tagId}
              colour={tag?.colour ?? '#71717a'}
              {...(onRemove ? { onRemove: () => onRemove(tagId) } : {})}
            />
          </li>
        );
      })}
    </ul>
  );
};

/** A category's name on its board (or on any board, should it have moved), else its id. */
export const categoryName = (catalog: CatalogView, boardId: string, categoryId: string): string =>
  (
    catalog.boards.find((b) => b.id === boardId)?.categories.find((c) => c.id === categoryId) ??
    catalog.boards.flatMap((b) => b.categories).find((c) => c.id === categoryId)
  )?.name ?? categoryId;

/** Where an item is filed: its board, then its category if it has one (“Integrations › CRM”). */
export const FeedbackPlace = ({
  item,
  className,
}: {
  item: Pick<FeedbackItem, 'boardId' | 'categoryId'>;
  className?: string;
}) => {
  const catalog = useCatalogOrDefault();
  const board = catalog.boards.find((b) => b.id === item.boardId)?.name ?? item.boardId;
  return (
    <span className={className}>
      {board}
      {item.categoryId && (
        <>
          {' › '}
          <span className="feedback-place__category">
            {categoryName(catalog, item.boardId, item.categoryId)}
          </span>
        </>
      )}
    </span>
  );
};

/**
 * Category choices for a select: one board's categories by name, or, with no board, every
 * board's under its name. Ids shared by several boards are offered once, as the API filters by id.
 */
export const categoryOptions = (
  catalog: CatalogView,
  boardId: string | undefined,
): { value: string; label: string }[] => {
  if (boardId !== undefined) {
    return (catalog.boards.find((b) => b.id === boardId)?.categories ?? []).map((c) => ({
      value: c.id,
      label: c.name,
    }));
  }
  const shared = new Map<string, { name: string; boards: string[] }>();
  for (const board of catalog.boards) {
    for (const category of board.categories) {
      const seen = shared.get(category.id);
      if (seen) seen.boards.push(board.name);
      else shared.set(category.id, { name: category.name, boards: [board.name] });
    }
  }
  return [...shared].map(([id, { name, boards }]) => ({
    value: id,
    label: `${boards.join(', ')} › ${name}`,
  }));
};
