import type { StaffRoleName } from '@chorus/domain/client';
import { Button, IconButton, Select, TextField } from '@chorus/ui';
import { useId, useState } from 'react';
import { PlusIcon, TrashIcon } from '../../icons';
import { roleOptions } from '../people/people-ui';
import { blankMapping, type MappingDraft } from './sso-draft';

/** More would be a sign the provider should send fewer, better named groups. */
const MAX_MAPPINGS = 50;

/**
 * Values of the role claim and the role each gives, in order: a person whose claim holds several
 * listed values gets the role of the first one listed.
 */
export const RoleMapEditor = ({
  rows,
  rowErrors,
  error,
  onChange,
}: {
  rows: MappingDraft[];
  rowErrors: ReadonlyMap<number, string>;
  /** The API's message about the map as a whole. */
  error: string | undefined;
  onChange: (rows: MappingDraft[]) => void;
}) => {
  const hintId = useId();
  const errorId = useId();
  // A row added from the keyboard takes the focus; rows read from the server do not.
  const [added, setAdded] = useState<number | null>(null);

  const change = (rowKey: number, patch: Partial<MappingDraft>) =>
    onChange(rows.map((row) => (row.rowKey === rowKey ? { ...row, ...patch } : row)));

  return (
    <fieldset
      className="role-map"
      aria-describedby={[hintId, error ? errorId : null].filter(Boolean).join(' ')}
    >
      <legend className="ui-field__label">Role map</legend>
      <p id={hintId} className="ui-field__hint">
        Each value of the role claim gives a role. Someone whose claim holds several of them gets
        the role of the first one listed.
      </p>
      {rows.length === 0 ? (
        <p className="role-map__empty">No values mapped: everyone gets the default role.</p>
      ) : (
        <>
          <div className="role-map__head" aria-hidden="true">
            <span>Claim value</span>
            <span>Role</span>
          </div>
          <ol className="role-map__rows">
            {rows.map((row, index) => (
              <li key={row.rowKey} className="role-map__row" data-testid="role-map-row">
                <TextField
                  label={`Claim value ${index + 1}`}
                  hideLabel
                  placeholder="e.g. chorus-admins"
                  autoComplete="off"
                  spellCheck={false}
                  maxLength={200}
                  autoFocus={row.rowKey === added}
                  value={row.value}
                  error={rowErrors.get(row.rowKey)}
                  onChange={(event) => change(row.rowKey, { value: event.target.value })}
                />
                <Select
                  label={`Role for claim value ${index + 1}`}
                  hideLabel
                  options={roleOptions}
                  value={row.role}
                  onChange={(event) =>
                    change(row.rowKey, { role: event.target.value as StaffRoleName })
                  }
                />
                <IconButton
                  label={`Remove claim value ${row.value.trim() || index + 1}`}
                  icon={<TrashIcon />}
                  onClick={() => onChange(rows.filter((each) => each.rowKey !== row.rowKey))}
                />
              </li>
            ))}
          </ol>
        </>
      )}
      {error && (
        <p id={errorId} className="ui-field__error">
          {error}
        </p>
      )}
      <div>
        <Button
          size="sm"
          variant="ghost"
          icon={<PlusIcon />}
          disabled={rows.length >= MAX_MAPPINGS}
          onClick={() => {
            const row = blankMapping();
            setAdded(row.rowKey);
            onChange([...rows, row]);
          }}
        >
          Map a claim value
        </Button>
      </div>
    </fieldset>
  );
};
