import { TextArea } from '@chorus/ui';
import { useId, useRef, useState } from 'react';
import type { Teammate } from '../api/types';
import { useTeammates } from '../queries/feedback-queries';

type MentionTextAreaProps = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Teammates mentioned so far, by id. */
  mentions: string[];
  onMentionsChange: (ids: string[]) => void;
  placeholder?: string;
  autoFocus?: boolean;
  error?: string | undefined;
  onSubmitShortcut?: () => void;
};

const mentionAtCaret = (text: string, caret: number): string | null => {
  const match = /(?:^|\s)@([\p{L}\p{N}._-]*)$/u.exec(text.slice(0, caret));
  return match ? (match[1] ?? '') : null;
};

/** A textarea that offers teammates when you type @, and keeps the ids of those chosen. */
export const MentionTextArea = ({
  label,
  value,
  onChange,
  mentions,
  onMentionsChange,
  placeholder,
  autoFocus,
  error,
  onSubmitShortcut,
}: MentionTextAreaProps) => {
  const teammates = useTeammates();
  const ref = useRef<HTMLTextAreaElement>(null);
  const listId = useId();
  const [query, setQuery] = useState<string | null>(null);
  const [active, setActive] = useState(0);

  const matches: Teammate[] =
    query === null
      ? []
      : (teammates.data ?? [])
          .filter(
            (t) =>
              t.name.toLowerCase().includes(query.toLowerCase()) ||
              t.email.toLowerCase().startsWith(query.toLowerCase()),
          )
          .slice(0, 6);
  const open = query !== null && matches.length > 0;

  const refresh = (text: string, caret: number) => {
    setQuery(mentionAtCaret(text, caret));
    setActive(0);
  };

  const insert = (teammate: Teammate) => {
    const textarea = ref.current;
    const caret = textarea?.selectionStart ?? value.length;
    const before = value.slice(0, caret).replace(/@[\p{L}\p{N}._-]*$/u, `@${teammate.name} `);
    const next = before + value.slice(caret);
    onChange(next);
    if (!mentions.includes(teammate.id)) onMentionsChange([...mentions, teammate.id]);
    setQuery(null);
    window.requestAnimationFrame(() => {
      textarea?.focus();
      textarea?.setSelectionRange(before.length, before.length);
    });
  };

  return (
    <div className="mention">
      <TextArea
        ref={ref}
        label={label}
        rows={3}
        value={value}
        placeholder={placeholder}
        autoFocus={autoFocus}
        error={error}
        hint="Type @ to mention a teammate. Ctrl+Enter to send."
        role={open ? 'combobox' : undefined}
        aria-expanded={open ? true : undefined}
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open ? `${listId}-${active}` : undefined}
        onChange={(event) => {
          onChange(event.target.value);
          refresh(event.target.value, event.target.selectionStart);
        }}
        onKeyDown={(event) => {
          if (open && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
            event.preventDefault();
            const step = event.key === 'ArrowDown' ? 1 : -1;
            setActive((current) => (current + step + matches.length) % matches.length);
          } else if (open && (event.key === 'Enter' || event.key === 'Tab')) {
            event.preventDefault();
            const teammate = matches[active];
            if (teammate) insert(teammate);
          } else if (open && event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            setQuery(null);
          } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            onSubmitShortcut?.();
          }
        }}
        onBlur={() => window.setTimeout(() => setQuery(null), 150)}
      />
      {open && (
        <ul id={listId} role="listbox" aria-label="Teammates" className="picker__list">
          {matches.map((teammate, index) => (
            <li
              key={teammate.id}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className="picker__option"
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => insert(teammate)}
            >
              <span>{teammate.name}</span>
              <span className="picker__hint">{teammate.email}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
};
