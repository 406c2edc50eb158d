import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { cx } from './cx';

export type TabItem<T extends string> = { value: T; label: ReactNode; panel: ReactNode };

export type TabsProps<T extends string> = {
  label: string;
  value: T;
  tabs: readonly TabItem<T>[];
  onChange: (value: T) => void;
  className?: string;
};

/** WAI-ARIA tabs: arrow keys, Home and End move between tabs; only the active panel is mounted. */
export const Tabs = <T extends string>({
  label,
  value,
  tabs,
  onChange,
  className,
}: TabsProps<T>) => {
  const id = useId();
  const listRef = useRef<HTMLDivElement>(null);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.findIndex((tab) => tab.value === value);
    const last = tabs.length - 1;
    const next =
      event.key === 'ArrowRight'
        ? index === last
          ? 0
          : index + 1
        : event.key === 'ArrowLeft'
          ? index === 0
            ? last
            : index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    if (next === null) return;
    event.preventDefault();
    const tab = tabs[next];
    if (!tab) return;
    onChange(tab.value);
    listRef.current?.querySelectorAll<HTMLButtonElement>('[role="tab"]')[next]?.focus();
  };

  const active = tabs.find((tab) => tab.value === value);
  return (
    <div className={cx('ui-tabs', className)}>
      <div
        ref={listRef}
        className="ui-tabs__list"
        role="tablist"
        aria-label={label}
        onKeyDown={onKeyDown}
      >
        {tabs.map((tab) => (
          <button
            key={tab.value}
            type="button"
            role="tab"
            id={`${id}-tab-${tab.value}`}
            aria-selected={tab.value === value}
            aria-controls={`${id}-panel-${tab.value}`}
            tabIndex={tab.value === value ? 0 : -1}
            className="ui-tabs__tab"
            onClick={() => onChange(tab.value)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {active && (
        <div
          role="tabpanel"
          id={`${id}-panel-${active.value}`}
          aria-labelledby={`${id}-tab-${active.value}`}
          className="ui-tabs__panel"
          tabIndex={0}
        >
          {active.panel}
        </div>
      )}
    </div>
  );
};
