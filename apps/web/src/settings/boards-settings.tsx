import { Badge, Button, Card, Checkbox, Select, TextField } from '@chorus/ui';
import { useState } from 'react';
import { createBoard, createCategory, renameCategory, updateBoard } from '../api/client';
import { describeError } from '../api/problem-error';
import { useCan } from '../auth/use-can';
import type {
  Board,
  CatalogView,
  Category,
  CreateCategoryInput,
  RenameCategoryInput,
  UpdateBoardInput,
} from '../api/types';
import { useCatalogChange } from '../queries/catalog';
import { fieldError, NewNameField, SaveOrCancel, slugify } from './settings-kit';
import { FormError } from '../lib/form-error';

const visibilityOptions = [
  { value: 'public', label: 'Public — customers can see and vote' },
  { value: 'private', label: 'Private — teammates only' },
];

/** A duplicate id comes back on `categoryId`, a malformed one on `id`. */
const categoryIdError = (error: unknown) =>
  fieldError(error, 'id') ?? fieldError(error, 'categoryId');

const CategoryRow = ({ board, category }: { board: Board; category: Category }) => {
  const rename = useCatalogChange((input: RenameCategoryInput) =>
    renameCategory(board.id, category.id, input),
  );
  const [name, setName] = useState<string | null>(null);
  const manager = useCan()('catalog.manage');

  if (name !== null && manager) {
    return (
      <li className="categories__row">
        <form
          className="settings-row__form"
          aria-label={`Rename category ${category.name}`}
          onSubmit={(event) => {
            event.preventDefault();
            rename.mutate({ name: name.trim() }, { onSuccess: () => setName(null) });
          }}
        >
          <TextField
            label="Name"
            value={name}
            autoFocus
            error={fieldError(rename.error, 'name')}
            onChange={(event) => setName(event.target.value)}
          />
          <SaveOrCancel
            saving={rename.isPending}
            onCancel={() => {
              setName(null);
              rename.reset();
            }}
          />
        </form>
        <FormError error={rename.error} shownBy={['name']} />
      </li>
    );
  }

  return (
    <li className="categories__row">
      <span className="categories__name">{category.name}</span>
      <code className="settings-row__id">{category.id}</code>
      {manager && (
        <div className="settings-row__actions">
          <Button size="sm" variant="ghost" onClick={() => setName(category.name)}>
            Rename<span className="ui-visually-hidden"> category {category.name}</span>
          </Button>
        </div>
      )}
    </li>
  );
};

const BoardCategories = ({ board }: { board: Board }) => {
  const create = useCatalogChange((input: CreateCategoryInput) => createCategory(board.id, input));
  const [name, setName] = useState('');
  const id = slugify(name);
  const idError = categoryIdError(create.error);
  const manager = useCan()('catalog.manage');

  return (
    <section className="categories">
      <h3 className="categories__title">Categories</h3>
      {board.categories.length === 0 ? (
        <p className="detail__muted">No categories: posts on {board.name} are not subdivided.</p>
      ) : (
        <ul className="categories__list" aria-label={`Categories of ${board.name}`}>
          {board.categories.map((category) => (
            <CategoryRow key={category.id} board={board} category={category} />
          ))}
        </ul>
      )}
      {manager && (
        <form
          className="settings-row__form"
          aria-label={`New category on ${board.name}`}
          onSubmit={(event) => {
            event.preventDefault();
            if (!id) return;
            create.mutate({ id, name: name.trim() }, { onSuccess: () => setName('') });
          }}
        >
          <TextField
            label="New category"
            placeholder="e.g. Reporting"
            value={name}
            hint={id ? `Id: ${id}` : undefined}
            error={fieldError(create.error, 'name') ?? idError}
            onChange={(event) => setName(event.target.value)}
          />
          <div className="settings-row__actions">
            <Button
              size="sm"
              type="submit"
              variant="secondary"
              loading={create.isPending}
              disabled={!id}
            >
              Add category<span className="ui-visually-hidden"> to {board.name}</span>
            </Button>
          </div>
        </form>
      )}
      {create.isError && !fieldError(create.error, 'name') && !idError && (
        <p className="form-error" role="alert">
          {describeError(create.error)}
        </p>
      )}
    </section>
  );
};

const BoardRow = ({ board }: { board: Board }) => {
  const update = useCatalogChange((input: UpdateBoardInput) => updateBoard(board.id, input));
  const [name, setName] = useState<string | null>(null);
  const manager = useCan()('catalog.manage');

  return (
    <li className="settings-row settings-row--board">
      <div className="settings-row__head">
        {name !== null && manager ? (
          <form
            className="settings-row__form"
            onSubmit={(event) => {
              event.preventDefault();
              update.mutate({ name: name.trim() }, { onSuccess: () => setName(null) });
            }}
          >
            <TextField
              label="Name"
              value={name}
              autoFocus
              error={fieldError(update.error, 'name')}
              onChange={(event) => setName(event.target.value)}
            />
            <SaveOrCancel saving={update.isPending} onCancel={() => setName(null)} />
          </form>
        ) : (
          <>
            <span className="settings-row__name">{board.name}</span>
            <code className="settings-row__id">{board.id}</code>
            <Badge tone={board.visibility === 'public' ? 'green' : 'neutral'}>
              {board.visibility}
            </Badge>
            {board.requiresApproval && <Badge tone="amber">approval</Badge>}
            {manager && (
              <div className="settings-row__actions">
                <Button size="sm" variant="ghost" onClick={() => setName(board.name)}>
                  Rename<span className="ui-visually-hidden"> board {board.name}</span>
                </Button>
              </div>
            )}
          </>
        )}
      </div>
      {manager && (
        <div className="settings-row__controls">
          <Select
            label={`Visibility of ${board.name}`}
            hideLabel
            value={board.visibility}
            disabled={update.isPending}
            options={visibilityOptions}
            onChange={(event) =>
              update.mutate({ visibility: event.target.value === 'private' ? 'private' : 'public' })
            }
          />
          <Checkbox
            label="Requires approval"
            hint="Customers' posts wait in Pending approval"
            checked={board.requiresApproval}
            disabled={update.isPending}
            onChange={(event) => update.mutate({ requiresApproval: event.target.checked })}
          />
        </div>
      )}
      <FormError error={update.error} shownBy={['name']} />
      <BoardCategories board={board} />
    </li>
  );
};

export const BoardsSettings = ({ catalog }: { catalog: CatalogView }) => {
  const create = useCatalogChange(createBoard);
  const [name, setName] = useState('');
  const [visibility, setVisibility] = useState<'public' | 'private'>('public');
  const [requiresApproval, setRequiresApproval] = useState(false);
  const id = slugify(name);
  const manager = useCan()('catalog.manage');

  return (
    <div className="settings">
      {manager && (
        <Card>
          <h2 className="card__title">New board</h2>
          <form
            className="settings-row__form"
            onSubmit={(event) => {
              event.preventDefault();
              if (!id) return;
              create.mutate(
                { id, name: name.trim(), visibility, requiresApproval },
                { onSuccess: () => setName('') },
              );
            }}
          >
            <NewNameField
              placeholder="e.g. Integrations"
              name={name}
              error={create.error}
              onChange={setName}
            />
            <Select
              label="Visibility"
              value={visibility}
              options={visibilityOptions}
              onChange={(event) =>
                setVisibility(event.target.value === 'private' ? 'private' : 'public')
              }
            />
            <Checkbox
              label="Requires approval"
              checked={requiresApproval}
              onChange={(event) => setRequiresApproval(event.target.checked)}
            />
            <div className="settings-row__actions">
              <Button type="submit" variant="primary" loading={create.isPending} disabled={!id}>
                Create board
              </Button>
            </div>
          </form>
          <FormError error={create.error} shownBy={['name', 'id']} />
        </Card>
      )}
      <Card padded={false}>
        <ul className="settings-list" aria-label="Boards">
          {catalog.boards.map((board) => (
            <BoardRow key={board.id} board={board} />
          ))}
        </ul>
      </Card>
    </div>
  );
};
