import type { ReactNode } from 'react';
import { cx } from './cx';

export type EmptyStateProps = {
  title: string;
  hint?: ReactNode;
  icon?: ReactNode;
  action?: ReactNode;
  className?: string;
};

export const EmptyState = ({ title, hint, icon, action, className }: EmptyStateProps) => (
  <div className={cx('ui-empty', className)}>
    {icon && (
      <div className="ui-empty__icon" aria-hidden="true">
        {icon}
      </div>
    )}
    <p className="ui-empty__title">{title}</p>
    {hint && <p className="ui-empty__hint">{hint}</p>}
    {action && <div className="ui-empty__action">{action}</div>}
  </div>
);
