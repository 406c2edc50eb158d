import type { ComponentPropsWithRef, ReactNode } from 'react';
import { cx } from './cx';
import type { Size } from './size';

export type VoteButtonProps = Omit<ComponentPropsWithRef<'button'>, 'children'> & {
  count: ReactNode;
  pressed: boolean;
  /** The action as a screen reader hears it; the pressed state is announced separately. */
  label?: string;
  /** The vote button has no small size: it stays a comfortable touch target. */
  size?: Exclude<Size, 'sm'>;
};

export const VoteButton = ({
  count,
  pressed,
  label = 'Upvote',
  size = 'md',
  className,
  type = 'button',
  ...rest
}: VoteButtonProps) => (
  <button
    type={type}
    className={cx('ui-vote', `ui-vote--${size}`, pressed && 'ui-vote--pressed', className)}
    aria-pressed={pressed}
    {...rest}
  >
    <svg className="ui-vote__icon" viewBox="0 0 16 16" aria-hidden="true">
      <path
        d="M3.5 10 8 5.5l4.5 4.5"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.75"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
    <span className="ui-visually-hidden">{label}, </span>
    <span className="ui-vote__count">{count}</span>
  </button>
);
