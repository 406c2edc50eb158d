import { Button, TextField } from '@chorus/ui';
import { useEffect, useRef, useState } from 'react';
import { CheckIcon, CopyIcon } from '../icons';

type CopyState = 'idle' | 'copied' | 'failed';

/**
 * A secret shown this once (an API key, an invitation link): read-only, selected on focus, with
 * a Copy button and a line saying whether the copy worked.
 */
export const SecretField = ({
  label,
  value,
  what,
  autoFocus = false,
}: {
  label: string;
  value: string;
  /** How the status line names it: "the key", "the link". */
  what: string;
  autoFocus?: boolean;
}) => {
  const field = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<CopyState>('idle');

  useEffect(() => {
    if (autoFocus) field.current?.focus();
  }, [autoFocus]);

  useEffect(() => {
    if (copy !== 'copied') return;
    const timer = window.setTimeout(() => setCopy('idle'), 3000);
    return () => window.clearTimeout(timer);
  }, [copy]);

  const copyValue = () => {
    field.current?.select();
    // The clipboard is missing outside secure contexts, and the browser may refuse it.
    (navigator.clipboard?.writeText(value) ?? Promise.reject(new Error('no clipboard'))).then(
      () => setCopy('copied'),
      () => setCopy('failed'),
    );
  };

  return (
    <>
      <div className="secret-field">
        <TextField
          ref={field}
          className="secret-field__input"
          label={label}
          readOnly
          spellCheck={false}
          autoComplete="off"
          value={value}
          onFocus={(event) => event.target.select()}
        />
        <Button icon={copy === 'copied' ? <CheckIcon /> : <CopyIcon />} onClick={copyValue}>
          {copy === 'copied' ? 'Copied' : 'Copy'}
        </Button>
      </div>
      <p className="secret-field__status" role="status">
        {copy === 'copied'
          ? 'Copied to the clipboard.'
          : copy === 'failed'
            ? `The browser did not allow copying: ${what} is selected, copy it with Ctrl+C (⌘C).`
            : ''}
      </p>
    </>
  );
};
