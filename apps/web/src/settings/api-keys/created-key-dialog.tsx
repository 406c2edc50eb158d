import type { CreatedApiKey } from '@chorus/domain/client';
import { Button, Dialog, TextField } from '@chorus/ui';
import { useEffect, useRef, useState } from 'react';
import { CheckIcon, CopyIcon } from '../../icons';
import { formatDay, scopeDetails } from './api-key-ui';

type CopyState = 'idle' | 'copied' | 'failed';

const CreatedKey = ({ created, onDone }: { created: CreatedApiKey; onDone: () => void }) => {
  const field = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<CopyState>('idle');

  useEffect(() => {
    if (copy !== 'copied') return;
    const timer = window.setTimeout(() => setCopy('idle'), 3000);
    return () => window.clearTimeout(timer);
  }, [copy]);

  const copyKey = () => {
    field.current?.select();
    // The clipboard is missing outside secure contexts, and the browser may refuse it.
    (navigator.clipboard?.writeText(created.key) ?? Promise.reject(new Error('no clipboard'))).then(
      () => setCopy('copied'),
      () => setCopy('failed'),
    );
  };

  return (
    <>
      <div className="composer__fields">
        <p className="banner banner--pending">
          <strong>Copy it now: it will not be shown again.</strong> Chorus keeps only a hash of it.
          If it is lost, revoke it and create another.
        </p>
        <div className="api-key-secret">
          <TextField
            ref={field}
            className="api-key-secret__field"
            label="API key"
            readOnly
            spellCheck={false}
            autoComplete="off"
            value={created.key}
            onFocus={(event) => event.target.select()}
          />
          <Button icon={copy === 'copied' ? <CheckIcon /> : <CopyIcon />} onClick={copyKey}>
            {copy === 'copied' ? 'Copied' : 'Copy'}
          </Button>
        </div>
        <p className="api-key-secret__status" role="status">
          {copy === 'copied'
            ? 'Copied to the clipboard.'
            : copy === 'failed'
              ? 'The browser did not allow copying: the key is selected, copy it with Ctrl+C (⌘C).'
              : ''}
        </p>
        <dl className="api-key-summary">
          <div>
            <dt>Name</dt>
            <dd>{created.name}</dd>
          </div>
          <div>
            <dt>Scopes</dt>
            <dd>{created.scopes.map((scope) => scopeDetails[scope].label).join(', ')}</dd>
          </div>
          <div>
            <dt>Expires</dt>
            <dd>{created.expiresAt ? formatDay(new Date(created.expiresAt)) : 'Never'}</dd>
          </div>
        </dl>
        <p className="detail__muted">
          Services send it in a header: <code>Authorization: Bearer &lt;key&gt;</code>.
        </p>
      </div>
      <footer className="composer__footer">
        <Button variant="primary" onClick={onDone}>
          Done
        </Button>
      </footer>
    </>
  );
};

/** The new key's secret, shown this once; closing the dialog forgets it. */
export const CreatedKeyDialog = ({
  created,
  onClose,
}: {
  created: CreatedApiKey | null;
  onClose: () => void;
}) => (
  <Dialog open={created !== null} onClose={onClose} title="Your new API key">
    {created && <CreatedKey created={created} onDone={onClose} />}
  </Dialog>
);
