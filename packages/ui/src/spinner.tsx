import { cx } from './cx';
import type { Size } from './size';

export type SpinnerProps = {
  size?: Size;
  /** When set, the spinner announces itself; without it, it is decoration beside other text. */
  label?: string;
  className?: string;
};

export const Spinner = ({ size = 'md', label, className }: SpinnerProps) =>
  label ? (
    <span role="status" className={cx('ui-spinner-wrap', className)}>
      <span className={cx('ui-spinner', `ui-spinner--${size}`)} aria-hidden="true" />
      <span className="ui-visually-hidden">{label}</span>
    </span>
  ) : (
    <span className={cx('ui-spinner', `ui-spinner--${size}`, className)} aria-hidden="true" />
  );
