import { statusKinds, type StatusKind } from '@chorus/domain/client';
import { Badge, Button, Card, Checkbox, Select, StatusBadge, TextField } from '@chorus/ui';
import { useState } from 'react';
import { createStatus, updateStatus } from '../api/client';
import type { CatalogView, StatusDefinition } from '../api/types';
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

const kindLabels: Record<StatusKind, string> = {
  open: 'Open — accepts votes, not yet committed',
  active: 'Active — accepts votes, being worked on',
  done: 'Done — shipped, voting closed',
  closed: 'Closed — declined, voting closed',
};

const StatusRow = ({ status, all }: { status: StatusDefinition; all: StatusDefinition[] }) => {
  const update = useCatalogChange((input: Parameters<typeof updateStatus>[1]) =>
    updateStatus(status.id, input),
  );
  const [draft, setDraft] = useState<{ name: string; colour: string } | null>(null);
  const manager = useCan()('catalog.manage');
  const others = all.filter((s) => s.id !== status.id);

  const setTransition = (to: string, allowed: boolean) => {
    const transitions = allowed
      ? [...status.transitions.filter((t) => t !== to), to]
      : status.transitions.filter((t) => t !== to);
    update.mutate({ transitions });
  };

  return (
    <li className="settings-row settings-row--status">
      <div className="settings-row__head">
        {draft && manager ? (
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
              onChange={(colour) => setDraft({ ...draft, colour })}
            />
            <SaveOrCancel saving={update.isPending} onCancel={() => setDraft(null)} />
          </form>
        ) : (
          <>
            <StatusBadge status={status.id} label={status.name} colour={status.colour} />
            <Badge>{status.kind}</Badge>
            <code className="settings-row__id">{status.id}</code>
            {manager && (
              <div className="settings-row__actions">
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={() => setDraft({ name: status.name, colour: status.colour })}
                >
                  Edit<span className="ui-visually-hidden"> status {status.name}</span>
                </Button>
              </div>
            )}
          </>
        )}
      </div>
      <fieldset className="transitions" disabled={!manager || update.isPending}>
        <legend>From {status.name}, feedback may move to</legend>
        <div className="transitions__options">
          {others.map((target) => (
            <Checkbox
              key={target.id}
              label={target.name}
              checked={status.transitions.includes(target.id)}
              onChange={(event) => setTransition(target.id, event.target.checked)}
            />
          ))}
        </div>
        {status.transitions.length === 0 && (
          <p className="detail__muted">Final: nothing can leave {status.name}.</p>
        )}
      </fieldset>
      <FormError error={update.error} shownBy={['name']} />
    </li>
  );
};

export const StatusesSettings = ({ catalog }: { catalog: CatalogView }) => {
  const create = useCatalogChange(createStatus);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<StatusKind>('active');
  const [colour, setColour] = useState(
    palette[catalog.statuses.length % palette.length] ?? '#2563eb',
  );
  const id = slugify(name);
  const manager = useCan()('catalog.manage');

  return (
    <div className="settings">
      {manager && (
        <Card>
          <h2 className="card__title">New status</h2>
          <form
            className="settings-row__form"
            onSubmit={(event) => {
              event.preventDefault();
              if (!id) return;
              create.mutate(
                { id, name: name.trim(), colour, kind },
                { onSuccess: () => setName('') },
              );
            }}
          >
            <NewNameField
              placeholder="e.g. In beta"
              name={name}
              error={create.error}
              onChange={setName}
            />
            <Select
              label="Kind"
              value={kind}
              options={statusKinds.map((k) => ({ value: k, label: kindLabels[k] }))}
              onChange={(event) =>
                setKind(statusKinds.find((k) => k === event.target.value) ?? 'active')
              }
            />
            <ColourField label="Colour" value={colour} onChange={setColour} />
            <div className="settings-row__actions">
              <Button type="submit" variant="primary" loading={create.isPending} disabled={!id}>
                Create status
              </Button>
            </div>
          </form>
          <p className="detail__muted">
            A new status has no transitions: tick where it may lead below, and add it as a
            destination on the statuses that lead to it.
          </p>
          <FormError error={create.error} shownBy={['name', 'id']} />
        </Card>
      )}
      <Card padded={false}>
        <ul className="settings-list" aria-label="Statuses">
          {catalog.statuses.map((status) => (
            <StatusRow key={status.id} status={status} all={catalog.statuses} />
          ))}
        </ul>
      </Card>
    </div>
  );
};
