import type { ApiKeyScope, ApiKeyStatus, ApiKeyView } from '@chorus/domain/client';
import type { BadgeTone } from '@chorus/ui';
import { ProblemError } from '../../api/problem-error';

/** What each scope lets a service do, in the words of `scopesAllow`. */
export const scopeDetails: Record<ApiKeyScope, { label: string; allows: string }> = {
  read: {
    label: 'Read',
    allows: 'Only what a viewer may see: feedback, comments, boards, tags and the changelog.',
  },
  write: {
    label: 'Write',
    allows: 'Everything except what only admins may do, such as the audit trail and API keys.',
  },
  admin: { label: 'Admin', allows: 'Everything, admin-only actions included.' },
};

export const statusLabels: Record<ApiKeyStatus, string> = {
  active: 'Active',
  expired: 'Expired',
  revoked: 'Revoked',
};

export const statusTones: Record<ApiKeyStatus, BadgeTone> = {
  active: 'green',
  expired: 'amber',
  revoked: 'red',
};

/** The status as of `now`: a key listed as active may have expired while the page was open. */
export const statusAt = (key: ApiKeyView, now: number): ApiKeyStatus =>
  key.status === 'active' && key.expiresAt !== null && Date.parse(key.expiresAt) <= now
    ? 'expired'
    : key.status;

export type ExpiryChoice = 'never' | '30' | '90' | '365' | 'custom';

export const expiryOptions: { value: ExpiryChoice; label: string }[] = [
  { value: 'never', label: 'Never' },
  { value: '30', label: 'In 30 days' },
  { value: '90', label: 'In 90 days' },
  { value: '365', label: 'In 1 year' },
  { value: 'custom', label: 'On a date…' },
];

/** The API takes expiries up to two years ahead. */
export const MAX_EXPIRY_DAYS = 730;

const DAY_MS = 24 * 3600 * 1000;

/**
 * When a key chosen now would expire: `days` from now, or at the end of the chosen day (local
 * time) for a custom date; null for never, or while the custom date is not chosen.
 */
export const expiryOf = (choice: ExpiryChoice, customDay: string, now: number): Date | null => {
  if (choice === 'never') return null;
  if (choice !== 'custom') return new Date(now + Number(choice) * DAY_MS);
  if (!customDay) return null;
  const date = new Date(`${customDay}T23:59:59`);
  return Number.isNaN(date.getTime()) ? null : date;
};

export const formatDay = (date: Date): string =>
  date.toLocaleDateString(undefined, { dateStyle: 'long' });

/**
 * The message for `field` from a problem, including those naming a part of it (`scopes.0`).
 */
export const problemAt = (error: unknown, field: string): string | undefined =>
  error instanceof ProblemError
    ? error.fieldErrors.find((entry) => new RegExp(`(^|[./])${field}([./]|$)`).test(entry.field))
        ?.message
    : undefined;
