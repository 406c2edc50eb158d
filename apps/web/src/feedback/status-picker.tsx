import { whyTransitionIsIllegal } from '@chorus/domain/client';
import { cx } from '@chorus/ui';
import { useId, useState, type CSSProperties } from 'react';
import { describeError } from '../api/problem-error';
import type { FeedbackItem } from '../api/types';
import { CheckIcon } from '../icons';
import { useCatalogOrDefault } from '../queries/catalog';
import { useChangeStatus } from '../queries/feedback-mutations';

type StatusPickerProps = {
  item: FeedbackItem;
  /** Called once the API accepted a move (not when the current status is chosen again). */
  onChanged?: (statusName: string) => void;
  autoFocus?: boolean;
  compact?: boolean;
};

/**
 * The workspace's statuses as buttons. Moves the workflow does not allow stay focusable but are
 * marked aria-disabled, with the reason as a tooltip and as their description.
 */
export const StatusPicker = ({ item, onChanged, autoFocus, compact }: StatusPickerProps) => {
  const catalog = useCatalogOrDefault();
  const change = useChangeStatus(item.id);
  const reasonId = useId();
  const [refused, setRefused] = useState<string | null>(null);
  const firstAllowed = catalog.statuses.find(
    (s) =>
      s.id !== item.status && whyTransitionIsIllegal(catalog.statuses, item.status, s.id) === null,
  )?.id;

  return (
    <div className={cx('status-picker', compact && 'status-picker--compact')}>
      <ul className="status-picker__list" aria-label="Statuses">
        {catalog.statuses.map((status) => {
          const current = status.id === item.status;
          const reason = current
            ? null
            : whyTransitionIsIllegal(catalog.statuses, item.status, status.id);
          return (
            <li key={status.id}>
              <button
                type="button"
                className="status-picker__option"
                style={{ '--status-colour': status.colour } as CSSProperties}
                aria-pressed={current}
                aria-disabled={reason !== null || undefined}
                aria-describedby={reason ? `${reasonId}-${status.id}` : undefined}
                title={reason ?? (current ? 'Current status' : `Move to ${status.name}`)}
                data-autofocus={(autoFocus && status.id === firstAllowed) || undefined}
                onClick={() => {
                  if (current) return;
                  if (reason) {
                    setRefused(reason);
                    return;
                  }
                  setRefused(null);
                  change.mutate(status.id, { onSuccess: () => onChanged?.(status.name) });
                }}
              >
                <span className="status-picker__dot" aria-hidden="true" />
                <span className="status-picker__name">{status.name}</span>
                {current && <CheckIcon />}
              </button>
              {reason && (
                <span id={`${reasonId}-${status.id}`} className="ui-visually-hidden">
                  {reason}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      <p className="status-picker__message" role="status">
        {change.isPending
          ? 'Saving…'
          : change.isError
            ? describeError(change.error)
            : (refused ?? '')}
      </p>
    </div>
  );
};
