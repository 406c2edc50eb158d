import type { AuditEventTypeArea } from '@chorus/domain/client';
import { Button, Checkbox, cx, TextField } from '@chorus/ui';
import { useEffect, useId, useRef, useState } from 'react';
import { describeError } from '../api/problem-error';
import { useAuditEventTypes } from './audit-queries';

const summaryOf = (chosen: readonly string[], areas: readonly AuditEventTypeArea[]) => {
  if (chosen.length !== 1) return chosen.length === 0 ? 'All types' : `${chosen.length} types`;
  const [type] = chosen;
  return areas.flatMap((area) => area.types).find((t) => t.type === type)?.label ?? type;
};

/** An area's checkbox: ticked when all its types are, mixed when some are. */
const AreaCheckbox = ({
  area,
  chosen,
  onChange,
}: {
  area: AuditEventTypeArea;
  chosen: ReadonlySet<string>;
  onChange: (types: readonly string[], checked: boolean) => void;
}) => {
  const types = area.types.map((t) => t.type);
  const count = types.filter((type) => chosen.has(type)).length;
  return (
    <Checkbox
      className="audit-types__area-check"
      label={area.area}
      checked={count === types.length}
      ref={(input) => {
        if (input) input.indeterminate = count > 0 && count < types.length;
      }}
      onChange={(event) => onChange(types, event.target.checked)}
    />
  );
};

/**
 * Event types grouped by area, as checkboxes in a panel: ticked ones apply together, so the
 * trail loads once per choice rather than once per click. Escape or a click outside leaves
 * the choice as it was.
 */
export const EventTypePicker = ({
  value,
  onChange,
  error,
  className,
}: {
  value: readonly string[];
  onChange: (types: string[]) => void;
  error?: string | undefined;
  className?: string;
}) => {
  const id = useId();
  const eventTypes = useAuditEventTypes();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<ReadonlySet<string>>(new Set());
  const [needle, setNeedle] = useState('');
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return undefined;
    const closeOutside = (event: MouseEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', closeOutside);
    return () => document.removeEventListener('mousedown', closeOutside);
  }, [open]);

  const openPanel = () => {
    setDraft(new Set(value));
    setNeedle('');
    setOpen(true);
  };
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const toggle = (types: readonly string[], checked: boolean) =>
    setDraft((current) => {
      const next = new Set(current);
      for (const type of types) {
        if (checked) next.add(type);
        else next.delete(type);
      }
      return next;
    });
  const apply = (types: string[]) => {
    onChange(types);
    close();
  };

  const search = needle.trim().toLowerCase();
  const areas = (eventTypes.data?.areas ?? [])
    .map((area) => ({
      ...area,
      types: area.types.filter(
        (t) =>
          !search ||
          t.label.toLowerCase().includes(search) ||
          t.type.toLowerCase().includes(search) ||
          area.area.toLowerCase().includes(search),
      ),
    }))
    .filter((area) => area.types.length > 0);
  const panelId = `${id}-panel`;

  return (
    <div
      ref={root}
      className={cx('ui-field', 'audit-types', error && 'ui-field--invalid', className)}
    >
      <span className="ui-field__label" id={`${id}-label`}>
        Event types
      </span>
      <Button
        ref={button}
        className="audit-types__button"
        aria-labelledby={`${id}-label ${id}-value`}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        aria-invalid={error ? true : undefined}
        onClick={() => (open ? close() : openPanel())}
      >
        <span id={`${id}-value`}>{summaryOf(value, eventTypes.data?.areas ?? [])}</span>
      </Button>
      {error && <p className="ui-field__error">{error}</p>}
      {open && (
        <div
          id={panelId}
          className="audit-types__panel"
          role="group"
          aria-label="Choose event types"
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return;
            event.preventDefault();
            event.stopPropagation();
            close();
          }}
        >
          <TextField
            label="Find an event type"
            placeholder="status, vote, release…"
            autoFocus
            value={needle}
            onChange={(event) => setNeedle(event.target.value)}
          />
          <div className="audit-types__areas">
            {eventTypes.isPending ? (
              <p className="audit-types__note">Loading event types…</p>
            ) : eventTypes.isError ? (
              <p className="form-error" role="alert">
                {describeError(eventTypes.error)}
              </p>
            ) : areas.length === 0 ? (
              <p className="audit-types__note">No event type matches “{needle.trim()}”.</p>
            ) : (
              areas.map((area) => (
                <fieldset key={area.area} className="audit-types__area">
                  <legend>
                    <AreaCheckbox area={area} chosen={draft} onChange={toggle} />
                  </legend>
                  <ul className="audit-types__list">
                    {area.types.map((t) => (
                      <li key={t.type}>
                        <Checkbox
                          label={t.label}
                          hint={t.type}
                          checked={draft.has(t.type)}
                          onChange={(event) => toggle([t.type], event.target.checked)}
                        />
                      </li>
                    ))}
                  </ul>
                </fieldset>
              ))
            )}
          </div>
          <div className="audit-types__actions">
            <Button variant="ghost" size="sm" onClick={() => apply([])}>
              All types
            </Button>
            <Button variant="primary" size="sm" onClick={() => apply([...draft])}>
              Apply{draft.size > 0 ? ` (${draft.size})` : ''}
            </Button>
          </div>
        </div>
      )}
    </div>
  );
};
