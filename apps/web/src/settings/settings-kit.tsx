import { TextField } from '@chorus/ui';
import { ProblemError } from '../api/problem-error';

/** Ids are slugs made from the name: lower case, digits and underscores. */
export const slugify = (name: string): string =>
  name
    .trim()
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
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
