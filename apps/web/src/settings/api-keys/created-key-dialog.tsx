import type { CreatedApiKey } from '@chorus/domain/client';
import { Button, Dialog } from '@chorus/ui';
import { SecretField } from '../../components/secret-field';
import { formatDay, scopeDetails } from './api-key-ui';

const CreatedKey = ({ created, onDone }: { created: CreatedApiKey; onDone: () => void }) => (
  <>
    <div className="composer__fields">
      <p className="banner banner--pending">
        <strong>Copy it now: it will not be shown again.</strong> Chorus keeps only a hash of it. If
        it is lost, revoke it and create another.
      </p>
      <SecretField label="API key" value={created.key} what="the key" />
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
