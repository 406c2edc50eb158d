import type { ComponentPropsWithRef } from 'react';
import { cx } from './cx';

export type CardProps = ComponentPropsWithRef<'div'> & {
  padded?: boolean;
};

export const Card = ({ padded = true, className, ...rest }: CardProps) => (
  <div className={cx('ui-card', padded && 'ui-card--padded', className)} {...rest} />
);
