import { Button, Card, EmptyState, TagChip, TextField } from '@chorus/ui';
import { useState } from 'react';
import { createTag, deleteTag, updateTag } from '../api/client';
import { describeError } from '../api/problem-error';
import type { CatalogView, Tag } from '../api/types';
import { useCatalogChange } from '../queries/catalog';
import { ColourField, fieldError, palette, slugify } from './settings-kit';

const TagRow = ({ tag }: { tag: Tag }) => {
  const update = useCatalogChange((input: { name: string; colour: string }) =>
    updateTag(tag.id, input),
  );
  const remove = useCatalogChange(() => deleteTag(tag.id));
  const [draft, setDraft] = useState<{ name: string; colour: string } | null>(null);

  if (draft) {
    return (
      <li className="settings-row">
        <form
          className="settings-row__form"
          onSubmit={(event) => {
            event.preventDefault();
            update.mutate(
              { name: draft.name.trim(), colour: draft.colour },
              { onSuccess: () => setDraft(null) },
            );
          }}
        >
          <TextField
            label="Name"
            value={draft.name}
            autoFocus
            error={fieldError(update.error, 'name')}
            onChange={(event) => setDraft({ ...draft, name: event.target.value })}
          />
          <ColourField
            label="Colour"
            value={draft.colour}
            error={fieldError(update.error, 'colour')}
            onChange={(colour) => setDraft({ ...draft, colour })}
          />
          <div className="settings-row__actions">
            <Button size="sm" variant="ghost" onClick={() => setDraft(null)}>
              Cancel
            </Button>
            <Button size="sm" variant="primary" type="submit" loading={update.isPending}>
              Save
            </Button>
          </div>
        </form>
        {update.isError && !fieldError(update.error, 'name') && (
          <p className="form-error" role="alert">
            {describeError(update.error)}
          </p>
        )}
      </li>
    );
  }

  return (
    <li className="settings-row">
      <TagChip label={tag.name} colour={tag.colour} />
      <code className="settings-row__id">{tag.id}</code>
      <div className="settings-row__actions">
        <Button
          size="sm"
          variant="ghost"
          onClick={() => setDraft({ name: tag.name, colour: tag.colour })}
        >
          Edit<span className="ui-visually-hidden"> tag {tag.name}</span>
        </Button>
        <Button
          size="sm"
          variant="ghost"
          loading={remove.isPending}
          onClick={() => {
            if (window.confirm(`Delete the tag “${tag.name}”? It is removed from all feedback.`)) {
              remove.mutate(undefined);
            }
          }}
        >
          Delete<span className="ui-visually-hidden"> tag {tag.name}</span>
        </Button>
      </div>
      {remove.isError && (
        <p className="form-error" role="alert">
          {describeError(remove.error)}
        </p>
      )}
    </li>
  );
};

export const TagsSettings = ({ catalog }: { catalog: CatalogView }) => {
  const create = useCatalogChange(createTag);
  const [name, setName] = useState('');
  const [colour, setColour] = useState(palette[catalog.tags.length % palette.length] ?? '#2563eb');
  const id = slugify(name);

  return (
    <div className="settings">
      <Card>
        <h2 className="card__title">New tag</h2>
        <form
          className="settings-row__form"
          onSubmit={(event) => {
            event.preventDefault();
            if (!id) return;
            create.mutate(
              { id, name: name.trim(), colour },
              {
                onSuccess: () => {
                  setName('');
                  setColour(palette[(catalog.tags.length + 1) % palette.length] ?? colour);
                },
              },
            );
          }}
        >
          <TextField
            label="Name"
            placeholder="e.g. Performance"
            value={name}
            hint={id ? `Id: ${id}` : undefined}
            error={fieldError(create.error, 'name') ?? fieldError(create.error, 'id')}
            onChange={(event) => setName(event.target.value)}
          />
          <ColourField label="Colour" value={colour} onChange={setColour} />
          <div className="settings-row__actions">
            <Button type="submit" variant="primary" loading={create.isPending} disabled={!id}>
              Create tag
            </Button>
          </div>
        </form>
        {create.isError && !fieldError(create.error, 'name') && !fieldError(create.error, 'id') && (
          <p className="form-error" role="alert">
            {describeError(create.error)}
          </p>
        )}
      </Card>
      <Card padded={false}>
        {catalog.tags.length === 0 ? (
          <EmptyState
            title="No tags yet"
            hint="Tags group feedback across boards: ux, performance…"
          />
        ) : (
          <ul className="settings-list" aria-label="Tags">
            {catalog.tags.map((tag) => (
              <TagRow key={tag.id} tag={tag} />
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
};
