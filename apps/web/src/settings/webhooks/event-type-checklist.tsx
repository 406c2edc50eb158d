import type { WebhookEventTypeOption } from '@chorus/domain/client';
import { Checkbox, ErrorState, Skeleton, TextField } from '@chorus/ui';
import { useId, useState } from 'react';
import { describeError } from '../../api/problem-error';
import { plural } from '../../lib/format';
import { useWebhookEventTypes } from '../../queries/webhooks';
import { contextLabel } from './webhook-ui';

/** `FeedbackSubmitted` → `Feedback submitted`. */
const spaced = (eventType: string): string =>
  eventType.replace(/(?<=[a-z0-9])([A-Z])/g, (letter) => ` ${letter.toLowerCase()}`);

const versionOf = (type: string): number => Number(/\.v(\d+)$/.exec(type)?.[1] ?? 1);

/**
 * The latest version of each event type: Chorus records new events in it, so a subscription to an
 * earlier version only gets events recorded before it came.
 */
const latestVersions = (options: readonly WebhookEventTypeOption[]): Map<string, number> => {
  const latest = new Map<string, number>();
  for (const option of options) {
    latest.set(
      option.eventType,
      Math.max(latest.get(option.eventType) ?? 0, versionOf(option.type)),
    );
  }
  return latest;
};

/** The catalog's descriptions mark names in backticks, as markdown does. */
const withCode = (text: string) =>
  text.split('`').map((part, index) => (index % 2 === 1 ? <code key={index}>{part}</code> : part));

/** One type: its name as the label, what it means and its CloudEvent type as the description. */
const EventTypeOption = ({
  option,
  latest,
  checked,
  onChange,
}: {
  option: WebhookEventTypeOption;
  latest: number;
  checked: boolean;
  onChange: (on: boolean) => void;
}) => {
  const id = useId();
  const version = versionOf(option.type);
  return (
    <div className="ui-checkbox event-types__option">
      <input
        id={id}
        type="checkbox"
        className="ui-checkbox__input"
        checked={checked}
        aria-describedby={`${id}-hint`}
        onChange={(event) => onChange(event.target.checked)}
      />
      <span className="ui-checkbox__text">
        <label htmlFor={id}>
          {spaced(option.eventType)}
          {version < latest && `, v${version}`}
        </label>
        <span id={`${id}-hint`} className="ui-checkbox__hint">
          {version < latest && `An earlier version: events are recorded as v${latest} now. `}
          {withCode(option.description)} <code>{option.type}</code>
        </span>
      </span>
    </div>
  );
};

const matches = (option: WebhookEventTypeOption, words: readonly string[]): boolean => {
  const text =
    `${option.type} ${spaced(option.eventType)} ${option.context} ${option.description}`.toLowerCase();
  return words.every((word) => text.includes(word));
};

/**
 * The options grouped by bounded context, in the catalog's order; the versions of one type
 * together, the latest first.
 */
const groupsOf = (options: readonly WebhookEventTypeOption[]) => {
  const groups = new Map<string, WebhookEventTypeOption[]>();
  for (const option of options) {
    groups.set(option.context, [...(groups.get(option.context) ?? []), option]);
  }
  return [...groups].map(([context, group]) => {
    const firstSeen = (option: WebhookEventTypeOption) =>
      group.findIndex((each) => each.eventType === option.eventType);
    const sorted = [...group].sort(
      (a, b) => firstSeen(a) - firstSeen(b) || versionOf(b.type) - versionOf(a.type),
    );
    return [context, sorted] as const;
  });
};

/** A context's own checkbox: checked when all of its shown types are, mixed when some are. */
const GroupCheckbox = ({
  context,
  options,
  chosen,
  onChange,
}: {
  context: string;
  options: readonly WebhookEventTypeOption[];
  chosen: ReadonlySet<string>;
  onChange: (types: readonly string[], on: boolean) => void;
}) => {
  const count = options.filter((option) => chosen.has(option.type)).length;
  const all = count === options.length;
  return (
    <Checkbox
      className="event-types__group-toggle"
      label={
        <>
          <span className="event-types__context">{contextLabel(context)}</span>{' '}
          <span className="table__hint">
            {count} of {options.length}
          </span>
        </>
      }
      checked={all}
      ref={(input) => {
        if (input) input.indeterminate = count > 0 && !all;
      }}
      onChange={() =>
        onChange(
          options.map((option) => option.type),
          !all,
        )
      }
    />
  );
};

/**
 * The event types a subscription receives: "all events" (every type, those added later too), or
 * a searchable checklist grouped by context, each type with what it means.
 */
export const EventTypeChecklist = ({
  all,
  chosen,
  error,
  onAllChange,
  onChosenChange,
}: {
  all: boolean;
  chosen: ReadonlySet<string>;
  error: string | undefined;
  onAllChange: (all: boolean) => void;
  onChosenChange: (chosen: ReadonlySet<string>) => void;
}) => {
  const eventTypes = useWebhookEventTypes();
  const [search, setSearch] = useState('');
  const errorId = useId();
  const words = search.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const options = eventTypes.data?.items ?? [];
  const shown = options.filter((option) => matches(option, words));
  const latest = latestVersions(options);

  const choose = (types: readonly string[], on: boolean) => {
    const next = new Set(chosen);
    for (const type of types) {
      if (on) next.add(type);
      else next.delete(type);
    }
    onChosenChange(next);
  };

  return (
    <fieldset
      className="event-types"
      aria-describedby={error ? errorId : undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend className="ui-field__label">
        Events
        <span className="ui-field__required" aria-hidden="true">
          *
        </span>
      </legend>
      <Checkbox
        label="All events"
        hint="Every event of the workspace, including kinds Chorus adds later."
        checked={all}
        onChange={(event) => onAllChange(event.target.checked)}
      />
      {!all && (
        <div className="event-types__chooser">
          <div className="event-types__toolbar">
            <TextField
              className="event-types__search"
              label="Search event types"
              hideLabel
              type="search"
              placeholder="Search event types"
              value={search}
              onChange={(event) => setSearch(event.target.value)}
            />
            <span className="event-types__count" aria-live="polite">
              {plural(chosen.size, 'type')} chosen
            </span>
          </div>
          {eventTypes.isPending ? (
            <div className="table-skeleton" aria-hidden="true">
              {Array.from({ length: 4 }, (_, index) => (
                <Skeleton key={index} height="1.5rem" />
              ))}
            </div>
          ) : eventTypes.isError ? (
            <ErrorState
              compact
              title="Couldn't load the event types"
              detail={describeError(eventTypes.error)}
              onRetry={() => void eventTypes.refetch()}
              retrying={eventTypes.isFetching}
            />
          ) : shown.length === 0 ? (
            <p className="event-types__none">No event type matches “{search.trim()}”.</p>
          ) : (
            <div className="event-types__groups">
              {groupsOf(shown).map(([context, group]) => (
                <fieldset key={context} className="event-types__group">
                  <legend className="ui-visually-hidden">{contextLabel(context)}</legend>
                  <GroupCheckbox
                    context={context}
                    options={group}
                    chosen={chosen}
                    onChange={choose}
                  />
                  {group.map((option) => (
                    <EventTypeOption
                      key={option.type}
                      option={option}
                      latest={latest.get(option.eventType) ?? 1}
                      checked={chosen.has(option.type)}
                      onChange={(on) => choose([option.type], on)}
                    />
                  ))}
                </fieldset>
              ))}
            </div>
          )}
        </div>
      )}
      {error && (
        <p id={errorId} className="ui-field__error">
          {error}
        </p>
      )}
    </fieldset>
  );
};
