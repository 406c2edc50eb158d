import { useId, type ReactNode } from 'react';
import { cx } from './cx';

export type FieldChromeProps = {
  label: string;
  /** Keeps the label for assistive technology but hides it on screen. */
  hideLabel?: boolean;
  hint?: ReactNode;
  error?: string | undefined;
  /** Shown at the end of the label row, e.g. a character counter. */
  aside?: ReactNode;
  required?: boolean;
  className?: string;
};

type ControlAttributes = {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
};

type FieldProps = FieldChromeProps & {
  id: string | undefined;
  children: (control: ControlAttributes) => ReactNode;
};

export const Field = ({
  id,
  label,
  hideLabel = false,
  hint,
  error,
  aside,
  required = false,
  className,
  children,
}: FieldProps) => {
  const generatedId = useId();
  const controlId = id ?? generatedId;
  const hintId = `${controlId}-hint`;
  const errorId = `${controlId}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');

  return (
    <div className={cx('ui-field', error && 'ui-field--invalid', className)}>
      <div className={cx('ui-field__label-row', hideLabel && 'ui-visually-hidden')}>
        <label className="ui-field__label" htmlFor={controlId}>
          {label}
          {required && (
            <span className="ui-field__required" aria-hidden="true">
              *
            </span>
          )}
        </label>
        {aside && <span className="ui-field__aside">{aside}</span>}
      </div>
      {children({
        id: controlId,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy || undefined,
      })}
      {hint && (
        <p id={hintId} className="ui-field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="ui-field__error">
          {error}
        </p>
      )}
    </div>
  );
};
