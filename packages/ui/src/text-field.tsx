import type { ComponentPropsWithRef } from 'react';
import { cx } from './cx';
import { Field, type FieldChromeProps } from './field';

export type TextFieldProps = FieldChromeProps & Omit<ComponentPropsWithRef<'input'>, 'className'>;

export const TextField = ({
  label,
  hideLabel,
  hint,
  error,
  aside,
  required,
  className,
  id,
  ...inputProps
}: TextFieldProps) => (
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
    {(control) => <input className="ui-input" required={required} {...control} {...inputProps} />}
  </Field>
);

export type TextAreaProps = FieldChromeProps & Omit<ComponentPropsWithRef<'textarea'>, 'className'>;

export const TextArea = ({
  label,
  hideLabel,
  hint,
  error,
  aside,
  required,
  className,
  id,
  ...textareaProps
}: TextAreaProps) => (
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
      <textarea
        className={cx('ui-input', 'ui-textarea')}
        required={required}
        {...control}
        {...textareaProps}
      />
    )}
  </Field>
);
