import type { ComponentPropsWithRef, ReactNode } from 'react';
import { cx } from './cx';

export type CheckboxProps = Omit<ComponentPropsWithRef<'input'>, 'type'> & {
  label: ReactNode;
  hint?: ReactNode;
};

export const Checkbox = ({ label, hint, className, ...rest }: CheckboxProps) => (
  <label className={cx('ui-checkbox', className)}>
    <input type="checkbox" className="ui-checkbox__input" {...rest} />
    <span className="ui-checkbox__text">
      <span>{label}</span>
      {hint && <span className="ui-checkbox__hint">{hint}</span>}
    </span>
  </label>
);
