import { Checkbox, TextField } from '@chorus/ui';
import { useState } from 'react';
import { Link } from 'wouter';
import { describeError } from '../api/problem-error';
import type { FeedbackItem } from '../api/types';
import { useCatalogOrDefault } from '../queries/catalog';
import { useSetTag } from '../queries/feedback-mutations';

type TagPickerProps = {
  item: FeedbackItem;
  autoFocus?: boolean;
  /** Called after a tag was added or removed, with a sentence for a live region. */
  onChanged?: (message: string) => void;
};

/** The workspace's tags as checkboxes, with a filter: type part of a name and press Enter. */
export const TagPicker = ({ item, autoFocus, onChanged }: TagPickerProps) => {
  const catalog = useCatalogOrDefault();
  const setTag = useSetTag(item.id);
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase();
  const tags = catalog.tags.filter(
    (tag) => !needle || tag.name.toLowerCase().includes(needle) || tag.id.includes(needle),
  );

  const toggle = (tagId: string, name: string) => {
    const tagged = !item.tags.includes(tagId);
    setTag.mutate(
      { tagId, tagged },
      { onSuccess: () => onChanged?.(tagged ? `Tagged ${name}.` : `Removed tag ${name}.`) },
    );
  };

  if (catalog.tags.length === 0) {
    return (
      <p className="detail__muted">
        This workspace has no tags yet. Create them in{' '}
        <Link href="/settings/tags">Settings → Tags</Link>.
      </p>
    );
  }

  return (
    <div className="tag-picker">
      <TextField
        label="Find a tag"
        placeholder="Type to filter, Enter to toggle the first match"
        autoFocus={autoFocus}
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
        onKeyDown={(event) => {
          if (event.key !== 'Enter') return;
          event.preventDefault();
          const first = tags[0];
          if (first) toggle(first.id, first.name);
        }}
      />
      <ul className="tag-picker__list" aria-label="Tags">
        {tags.map((tag) => (
          <li key={tag.id}>
            <Checkbox
              checked={item.tags.includes(tag.id)}
              onChange={() => toggle(tag.id, tag.name)}
              label={
                <span className="tag-picker__label">
                  <span
                    className="tag-picker__swatch"
                    style={{ background: tag.colour }}
                    aria-hidden="true"
                  />
                  {tag.name}
                </span>
              }
            />
          </li>
        ))}
        {tags.length === 0 && <li className="detail__muted">No tag matches “{filter}”.</li>}
      </ul>
      <p className="form-error" role="alert">
        {setTag.isError ? describeError(setTag.error) : ''}
      </p>
    </div>
  );
};
