import type { ComponentPropsWithRef } from 'react';
import { Field, type FieldChromeProps } from './field';

export type SelectOption = {
  value: string;
  label: string;
  disabled?: boolean;
};

export type SelectProps = FieldChromeProps &
  Omit<ComponentPropsWithRef<'select'>, 'className' | 'children'> & {
    options: readonly SelectOption[];
  };

export const Select = ({
  label,
  hideLabel,
  hint,
  error,
  aside,
  required,
  className,
  id,
  options,
  ...selectProps
}: SelectProps) => (
  <Field
    id={id}
    label={label}
    hideLabel={hideLabel}
    hint={hint}
    error={error}
    aside={aside}
    required={required}
    className={className}
  >
    {(control) => (
      <span className="ui-select">
        <select
          className="ui-input ui-select__control"
          required={required}
          {...control}
          {...selectProps}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value} disabled={option.disabled}>
              {option.label}
            </option>
          ))}
        </select>
        <svg className="ui-select__chevron" viewBox="0 0 16 16" aria-hidden="true">
          <path
            d="M4.5 6.5 8 10l3.5-3.5"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.5"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
      </span>
    )}
  </Field>
);
