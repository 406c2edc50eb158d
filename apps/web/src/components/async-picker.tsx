import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, cx } from '@chorus/ui';
import { useId, useState } from 'react';
import { describeError } from '../api/problem-error';
import { useDebounced } from '../lib/use-debounced';

export type PickerOption = { id: string; label: string; hint?: string | undefined };

type AsyncPickerProps = {
  label: string;
  placeholder?: string;
  /** Cache key prefix for the lookups, e.g. 'customers'. */
  queryKey: string;
  search: (q: string, signal: AbortSignal) => Promise<PickerOption[]>;
  value: PickerOption | null;
  onChange: (value: PickerOption | null) => void;
  hint?: string;
  error?: string | undefined;
  autoFocus?: boolean;
  className?: string;
};

/**
 * A combobox over a server search (WAI-ARIA 1.2 pattern): type, move with the arrow keys, Enter to
 * choose. Once chosen it shows the choice with a button to change it.
 */
export const AsyncPicker = ({
  label,
  placeholder,
  queryKey,
  search,
  value,
  onChange,
  hint,
  error,
  autoFocus,
  className,
}: AsyncPickerProps) => {
  const id = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const q = useDebounced(text.trim(), 200);
  const results = useQuery({
    queryKey: [queryKey, 'picker', q],
    queryFn: ({ signal }) => search(q, signal),
    enabled: open && value === null,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const options = results.data ?? [];
  const listId = `${id}-list`;
  const hintId = `${id}-hint`;

  const choose = (option: PickerOption | undefined) => {
    if (!option) return;
    onChange(option);
    setOpen(false);
    setText('');
  };

  if (value) {
    return (
      <div className={cx('ui-field', 'picker', className)}>
        <span className="ui-field__label" id={`${id}-label`}>
          {label}
        </span>
        <div className="picker__chosen" aria-labelledby={`${id}-label`} role="group">
          <span className="picker__chosen-label">
            {value.label}
            {value.hint && <span className="picker__hint"> · {value.hint}</span>}
          </span>
          <Button size="sm" variant="ghost" onClick={() => onChange(null)}>
            Change<span className="ui-visually-hidden"> {label.toLowerCase()}</span>
          </Button>
        </div>
      </div>
    );
  }

  return (
    <div className={cx('ui-field', 'picker', error && 'ui-field--invalid', className)}>
      <div className="ui-field__label-row">
        <label className="ui-field__label" htmlFor={id}>
          {label}
        </label>
      </div>
      <div className="picker__box">
        <input
          id={id}
          className="ui-input"
          role="combobox"
          autoComplete="off"
          autoFocus={autoFocus}
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && options[active] ? `${id}-opt-${active}` : undefined}
          aria-describedby={hint || error ? hintId : undefined}
          aria-invalid={error ? true : undefined}
          placeholder={placeholder}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setOpen(true);
            setActive(0);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => window.setTimeout(() => setOpen(false), 150)}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown') {
              event.preventDefault();
              setOpen(true);
              setActive((current) => Math.min(current + 1, Math.max(options.length - 1, 0)));
            } else if (event.key === 'ArrowUp') {
              event.preventDefault();
              setActive((current) => Math.max(current - 1, 0));
            } else if (event.key === 'Enter' && open) {
              event.preventDefault();
              choose(options[active]);
            } else if (event.key === 'Escape' && open) {
              event.preventDefault();
              event.stopPropagation();
              setOpen(false);
            }
          }}
        />
        {open && (
          <ul id={listId} role="listbox" aria-label={label} className="picker__list">
            {results.isError ? (
              <li className="picker__empty">{describeError(results.error)}</li>
            ) : results.isPending ? (
              <li className="picker__empty">Searching…</li>
            ) : options.length === 0 ? (
              <li className="picker__empty">{q ? `Nothing matches “${q}”.` : 'Type to search.'}</li>
            ) : (
              options.map((option, index) => (
                <li
                  key={option.id}
                  id={`${id}-opt-${index}`}
                  role="option"
                  aria-selected={index === active}
                  className="picker__option"
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => choose(option)}
                >
                  <span>{option.label}</span>
                  {option.hint && <span className="picker__hint">{option.hint}</span>}
                </li>
              ))
            )}
          </ul>
        )}
      </div>
      {(hint || error) && (
        <p id={hintId} className={error ? 'ui-field__error' : 'ui-field__hint'}>
          {error ?? hint}
        </p>
      )}
    </div>
  );
};
