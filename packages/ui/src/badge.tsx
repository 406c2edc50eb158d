import type { CSSProperties, ReactNode } from 'react';
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
  /** A feedback status key; styles.css gives each default status its own colour. */
  status: string;
  label: string;
  /** The workspace's colour for the status (`#rrggbb`); it wins over the built-in palette. */
  colour?: string | undefined;
  className?: string;
};

export const StatusBadge = ({ status, label, colour, className }: StatusBadgeProps) => (
  <span
    className={cx('ui-badge', 'ui-status-badge', colour && 'ui-status-badge--custom', className)}
    data-status={status}
    style={colour ? ({ '--ui-chip-colour': colour } as CSSProperties) : undefined}
  >
    <span className="ui-badge__dot" aria-hidden="true" />
    {label}
  </span>
);

export type TagChipProps = {
  label: string;
  /** `#rrggbb` */
  colour: string;
  className?: string;
  /** When given, the chip ends with a remove button named after the tag. */
  onRemove?: () => void;
};

/** A tag: its name on a tint of its colour, with a swatch so it does not rely on colour alone. */
export const TagChip = ({ label, colour, className, onRemove }: TagChipProps) => (
  <span
    className={cx('ui-tag-chip', className)}
    style={{ '--ui-chip-colour': colour } as CSSProperties}
  >
    <span className="ui-tag-chip__swatch" aria-hidden="true" />
    {label}
    {onRemove && (
      <button
        type="button"
        className="ui-tag-chip__remove"
        aria-label={`Remove tag ${label}`}
        title={`Remove tag ${label}`}
        onClick={onRemove}
      >
        <svg viewBox="0 0 16 16" aria-hidden="true">
          <path d="m5 5 6 6M11 5l-6 6" stroke="currentColor" strokeWidth="1.5" />
        </svg>
      </button>
    )}
  </span>
);
