import type { CSSProperties } from 'react';
import { cx } from './cx';

export type SkeletonProps = {
  width?: CSSProperties['width'];
  height?: CSSProperties['height'];
  radius?: CSSProperties['borderRadius'];
  className?: string;
};

export const Skeleton = ({
  width = '100%',
  height = '0.875rem',
  radius,
  className,
}: SkeletonProps) => (
  <span
    className={cx('ui-skeleton', className)}
    style={{ width, height, borderRadius: radius }}
    aria-hidden="true"
  />
);
