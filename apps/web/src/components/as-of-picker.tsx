import { Button, TextField } from '@chorus/ui';
import { formatDateTime } from '../lib/format';
import { updateSearchParams, useSearchParam } from '../lib/url-state';

type AsOfPickerProps = {
  /** The moment shown, as an ISO 8601 timestamp; null for now. */
  value: string | null;
  onChange: (value: string | null) => void;
  /** What is shown, as the banner names it: "the roadmap", "the backlog". */
  what: string;
};

/** A moment as a datetime-local input shows it: local time, to the minute. */
const toLocalInput = (time: number): string => {
  const date = new Date(time);
  return new Date(time - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/**
 * Picks the moment a view shows as it stood then; while one is picked, a banner says so and
 * leads back to now. Where the moment is kept (the URL, say) is the caller's.
 */
export const AsOfPicker = ({ value, onChange, what }: AsOfPickerProps) => {
  const field = (
    <TextField
      type="datetime-local"
      label="As of"
      hideLabel={value !== null}
      value={value === null ? '' : toLocalInput(Date.parse(value))}
      max={toLocalInput(Date.now())}
      // A datetime-local value has no zone: the browser reads it as local time.
      onChange={(event) =>
        onChange(event.target.value ? new Date(event.target.value).toISOString() : null)
      }
    />
  );
  if (value === null) return <div className="banner__actions">{field}</div>;
  return (
    <div className="banner banner--pending" role="status" data-testid="as-of-banner">
      <p>
        Showing {what} as it stood on{' '}
        <strong>
          <time dateTime={value}>{formatDateTime(value)}</time>
        </strong>{' '}
        —{' '}
        <Button size="sm" variant="ghost" onClick={() => onChange(null)}>
          back to now
        </Button>
      </p>
      <div className="banner__actions">{field}</div>
    </div>
  );
};

/**
 * The `asOf` of the page's URL, as an ISO timestamp (null for now, or when it is no moment),
 * and how to change it: stepping into the past or back is a step the back button undoes.
 */
export const useAsOfSearchParam = (): [string | null, (value: string | null) => void] => {
  const raw = useSearchParam('asOf');
  const time = raw === null ? Number.NaN : Date.parse(raw);
  const value = Number.isNaN(time) ? null : new Date(time).toISOString();
  const change = (next: string | null) =>
    updateSearchParams({ asOf: next }, value === null || next === null ? 'push' : 'replace');
  return [value, change];
};
