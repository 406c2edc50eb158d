import { Button, Card, ConfirmDialog, EmptyState, TagChip, TextField } from '@chorus/ui';
import { useState } from 'react';
import { createTag, deleteTag, updateTag } from '../api/client';
import type { CatalogView, Tag } from '../api/types';
import { useCan } from '../auth/use-can';
import { useCatalogChange } from '../queries/catalog';
import {
  ColourField,
  fieldError,
  NewNameField,
  palette,
  SaveOrCancel,
  slugify,
} from './settings-kit';
import { FormError } from '../lib/form-error';

const TagRow = ({ tag }: { tag: Tag }) => {
  const update = useCatalogChange((input: { name: string; colour: string }) =>
    updateTag(tag.id, input),
  );
  const remove = useCatalogChange(() => deleteTag(tag.id));
  const [draft, setDraft] = useState<{ name: string; colour: string } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const manager = useCan()('catalog.manage');

  if (draft && manager) {
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
          <SaveOrCancel saving={update.isPending} onCancel={() => setDraft(null)} />
        </form>
        <FormError error={update.error} shownBy={['name']} />
      </li>
    );
  }

  return (
    <li className="settings-row">
      <TagChip label={tag.name} colour={tag.colour} />
      <code className="settings-row__id">{tag.id}</code>
      {manager && (
        <div className="settings-row__actions">
          <Button
            size="sm"
            variant="ghost"
            onClick={() => setDraft({ name: tag.name, colour: tag.colour })}
          >
            Edit<span className="ui-visually-hidden"> tag {tag.name}</span>
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setConfirming(true)}>
            Delete<span className="ui-visually-hidden"> tag {tag.name}</span>
          </Button>
        </div>
      )}
      <ConfirmDialog
        open={confirming}
        title={`Delete the tag “${tag.name}”?`}
        confirmLabel="Delete tag"
        tone="danger"
        pending={remove.isPending}
        error={<FormError error={remove.error} />}
        onConfirm={() => remove.mutate(undefined, { onSuccess: () => setConfirming(false) })}
        onCancel={() => {
          remove.reset();
          setConfirming(false);
        }}
      >
        <p>It is removed from all feedback.</p>
      </ConfirmDialog>
    </li>
  );
};

export const TagsSettings = ({ catalog }: { catalog: CatalogView }) => {
  const create = useCatalogChange(createTag);
  const [name, setName] = useState('');
  const [colour, setColour] = useState(palette[catalog.tags.length % palette.length] ?? '#2563eb');
  const id = slugify(name);
  const manager = useCan()('catalog.manage');

  return (
    <div className="settings">
      {manager && (
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
            <NewNameField
              placeholder="e.g. Performance"
              name={name}
              error={create.error}
              onChange={setName}
            />
            <ColourField label="Colour" value={colour} onChange={setColour} />
            <div className="settings-row__actions">
              <Button type="submit" variant="primary" loading={create.isPending} disabled={!id}>
                Create tag
              </Button>
            </div>
          </form>
          <FormError error={create.error} shownBy={['name', 'id']} />
        </Card>
      )}
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
