import type { ComponentPropsWithRef } from 'react';
import { cx } from './cx';

export type VisuallyHiddenProps = ComponentPropsWithRef<'span'>;

/** Text for assistive technology only: read aloud by screen readers, not shown on screen. */
export const VisuallyHidden = ({ className, ...rest }: VisuallyHiddenProps) => (
  <span className={cx('ui-visually-hidden', className)} {...rest} />
);
