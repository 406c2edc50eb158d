import { Button } from './button';
import { cx } from './cx';

export type ErrorStateProps = {
  title?: string;
  detail?: string;
  onRetry?: () => void;
  retrying?: boolean;
  compact?: boolean;
  className?: string;
};

export const ErrorState = ({
  title = 'Something went wrong',
  detail,
  onRetry,
  retrying = false,
  compact = false,
  className,
}: ErrorStateProps) => (
  <div className={cx('ui-error', compact && 'ui-error--compact', className)} role="alert">
    <svg className="ui-error__icon" viewBox="0 0 20 20" aria-hidden="true">
      <circle cx="10" cy="10" r="8.25" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path d="M10 5.75v5" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
      <circle cx="10" cy="13.75" r="1" fill="currentColor" />
    </svg>
    <div className="ui-error__body">
      <p className="ui-error__title">{title}</p>
      {detail && <p className="ui-error__detail">{detail}</p>}
    </div>
    {onRetry && (
      <Button size="sm" onClick={onRetry} loading={retrying}>
        Try again
      </Button>
    )}
  </div>
);
