import { StatusBadge, TagChip } from '@chorus/ui';
import type { FeedbackItem } from '../api/types';
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

export const useBoardName = () => {
  const catalog = useCatalogOrDefault();
  return (id: string) => catalog.boards.find((b) => b.id === id)?.name ?? id;
};
