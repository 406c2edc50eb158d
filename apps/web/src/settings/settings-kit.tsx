import { Button, TextField } from '@chorus/ui';
import { ProblemError } from '../api/problem-error';

/** Ids are slugs made from the name: lower case, digits and dashes, valid for every catalog id. */
export const slugify = (name: string): string =>
  name
    .trim()
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);

export const palette = [
  '#2563eb',
  '#16a34a',
  '#d97706',
  '#dc2626',
  '#7c3aed',
  '#0891b2',
  '#db2777',
  '#64748b',
];

export const fieldError = (error: unknown, field: string): string | undefined =>
  error instanceof ProblemError ? error.fieldMessage(field) : undefined;

export const ColourField = ({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
}) => (
  <TextField
    className="colour-field"
    label={label}
    type="color"
    value={value}
    error={error}
    onChange={(event) => onChange(event.target.value)}
  />
);

/** The name of something new, with the id it will get (made from the name) shown beneath. */
export const NewNameField = ({
  name,
  placeholder,
  error,
  onChange,
}: {
  name: string;
  placeholder: string;
  error: unknown;
  onChange: (name: string) => void;
}) => {
  const id = slugify(name);
  return (
    <TextField
      label="Name"
      placeholder={placeholder}
      value={name}
      hint={id ? `Id: ${id}` : undefined}
      error={fieldError(error, 'name') ?? fieldError(error, 'id')}
      onChange={(event) => onChange(event.target.value)}
    />
  );
};

/** The two buttons of a row being edited in place. */
export const SaveOrCancel = ({ saving, onCancel }: { saving: boolean; onCancel: () => void }) => (
  <div className="settings-row__actions">
    <Button size="sm" variant="ghost" onClick={onCancel}>
      Cancel
    </Button>
    <Button size="sm" variant="primary" type="submit" loading={saving}>
      Save
    </Button>
  </div>
);
