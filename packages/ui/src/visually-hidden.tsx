import type { ComponentPropsWithRef } from 'react';
import { cx } from './cx';

export const VisuallyHidden = ({ className, ...rest }: ComponentPropsWithRef<'span'>) => (
  <span className={cx('ui-visually-hidden', className)} {...rest} />
);
