import type { ComponentPropsWithRef, ReactNode } from 'react';
import { cx } from './cx';
import type { Size } from './size';
import { Spinner } from './spinner';

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger';
export type ButtonSize = Size;

export type ButtonProps = ComponentPropsWithRef<'button'> & {
  variant?: ButtonVariant;
  size?: ButtonSize;
  loading?: boolean;
  icon?: ReactNode;
};

export const Button = ({
  variant = 'secondary',
  size = 'md',
  loading = false,
  icon,
  disabled,
  className,
  children,
  type = 'button',
  ...rest
}: ButtonProps) => (
  <button
    type={type}
    className={cx('ui-button', `ui-button--${variant}`, `ui-button--${size}`, className)}
    disabled={disabled === true || loading}
    aria-busy={loading || undefined}
    {...rest}
  >
    {loading ? <Spinner size="sm" /> : icon}
    {children}
  </button>
);
