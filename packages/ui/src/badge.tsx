import type { ReactNode } from 'react';
import { cx } from './cx';

export type BadgeTone = 'neutral' | 'blue' | 'violet' | 'amber' | 'green' | 'red' | 'accent';

export type BadgeProps = {
  tone?: BadgeTone;
  dot?: boolean;
  className?: string;
  children: ReactNode;
};

export const Badge = ({ tone = 'neutral', dot = false, className, children }: BadgeProps) => (
  <span className={cx('ui-badge', `ui-badge--${tone}`, className)}>
    {dot && <span className="ui-badge__dot" aria-hidden="true" />}
    {children}
  </span>
);

export type StatusBadgeProps = {
  /** A feedback status key; styles.css gives each known status its own colour. */
  status: string;
  label: string;
  className?: string;
};

export const StatusBadge = ({ status, label, className }: StatusBadgeProps) => (
  <span className={cx('ui-badge', 'ui-status-badge', className)} data-status={status}>
    <span className="ui-badge__dot" aria-hidden="true" />
    {label}
  </span>
);
