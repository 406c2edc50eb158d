import type { ComponentPropsWithRef, ReactNode } from 'react';
import { cx } from './cx';

export type IconButtonProps = Omit<ComponentPropsWithRef<'button'>, 'children'> & {
  /** Required because the button shows no text. */
  label: string;
  icon: ReactNode;
};

export const IconButton = ({
  label,
  icon,
  className,
  type = 'button',
  ...rest
}: IconButtonProps) => (
  <button type={type} className={cx('ui-icon-button', className)} title={label} {...rest}>
    <span className="ui-visually-hidden">{label}</span>
    <span aria-hidden="true">{icon}</span>
  </button>
);
