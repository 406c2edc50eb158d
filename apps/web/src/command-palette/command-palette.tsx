import { Dialog, Spinner } from '@chorus/ui';
import { useId, useState, type KeyboardEvent } from 'react';
import { useLocation } from 'wouter';
import { usePaletteGroups, type PaletteOption, type PalettePage } from './palette-sources';

type CommandPaletteProps = {
  open: boolean;
  onClose: () => void;
  /** The areas of the nav the person may open. */
  pages: readonly PalettePage[];
};

/** The search field and its results, mounted while the palette is open so each visit starts fresh. */
const PaletteSearch = ({ onClose, pages }: Omit<CommandPaletteProps, 'open'>) => {
  const [text, setText] = useState('');
  const [activeId, setActiveId] = useState<string | null>(null);
  const [, navigate] = useLocation();
  const groups = usePaletteGroups(text, pages);
  const listboxId = useId();
  const idPrefix = useId();

  const options = groups.flatMap((group) => group.options);
  const active = options.find((option) => option.id === activeId) ?? options[0];
  const domId = (option: PaletteOption) => `${idPrefix}-${option.id}`;
  const searching = groups.some((group) => group.pending);

  const choose = (option: PaletteOption) => {
    onClose();
    navigate(option.href);
  };

  const move = (by: number) => {
    if (options.length === 0) return;
    const index = active ? options.indexOf(active) : -1;
    const next = options[(index + by + options.length) % options.length];
    if (!next) return;
    setActiveId(next.id);
    document.getElementById(domId(next))?.scrollIntoView({ block: 'nearest' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        move(1);
        break;
      case 'ArrowUp':
        move(-1);
        break;
      case 'Home':
        if (options[0]) setActiveId(options[0].id);
        break;
      case 'End':
        if (options.at(-1)) setActiveId(options.at(-1)?.id ?? null);
        break;
      case 'Enter':
        if (active) choose(active);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const count = options.length;
  const status = searching
    ? 'Searching…'
    : `${count} ${count === 1 ? 'result' : 'results'}${text.trim() ? ` for “${text.trim()}”` : ''}`;

  return (
    <div className="palette">
      <input
        className="palette__input"
        type="text"
        role="combobox"
        aria-label="Search or jump to"
        aria-expanded={count > 0}
        aria-controls={listboxId}
        aria-autocomplete="list"
        aria-activedescendant={active ? domId(active) : undefined}
        placeholder="Search feedback, backlog, companies… or jump to a page"
        autoComplete="off"
        spellCheck={false}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setActiveId(null);
        }}
        onKeyDown={onKeyDown}
        data-autofocus
      />
      <p className="palette__status" role="status">
        {searching && <Spinner size="sm" />}
        {status}
      </p>
      <div className="palette__results" id={listboxId} role="listbox" aria-label="Results">
        {groups.map((group) => {
          const headingId = `${idPrefix}-${group.id}-heading`;
          if (group.options.length === 0 && !group.error) return null;
          return (
            <div key={group.id} role="group" aria-labelledby={headingId} className="palette__group">
              <div id={headingId} className="palette__heading" role="presentation">
                {group.heading}
              </div>
              {group.error && (
                <div className="palette__error" role="presentation">
                  Couldn't search: {group.error}
                </div>
              )}
              {group.options.map((option) => (
                <div
                  key={option.id}
                  id={domId(option)}
                  role="option"
                  aria-selected={option === active}
                  aria-labelledby={`${domId(option)}-label`}
                  aria-describedby={option.detail ? `${domId(option)}-detail` : undefined}
                  className={option === active ? 'palette__option is-active' : 'palette__option'}
                  // Keeps the focus in the field, where the keyboard drives the list.
                  onMouseDown={(event) => event.preventDefault()}
                  onMouseMove={() => setActiveId(option.id)}
                  onClick={() => choose(option)}
                >
                  <span id={`${domId(option)}-label`} className="palette__label">
                    {option.label}
                  </span>
                  {option.detail && (
                    <span id={`${domId(option)}-detail`} className="palette__detail">
                      {option.detail}
                    </span>
                  )}
                </div>
              ))}
            </div>
          );
        })}
      </div>
      <p className="palette__hint" aria-hidden="true">
        ↑ ↓ to move · Enter to open · Esc to close
      </p>
    </div>
  );
};

/** Ctrl/Cmd+K: search what the person may read and jump to any page, all from the keyboard. */
const CommandPalette = ({ open, onClose, pages }: CommandPaletteProps) => (
  <Dialog open={open} onClose={onClose} title="Search" className="palette-dialog">
    <PaletteSearch onClose={onClose} pages={pages} />
  </Dialog>
);

export default CommandPalette;
