import type { ApiKeyView, CreatedApiKey } from '@chorus/domain/client';
import { Badge, Button, Card, EmptyState, ErrorState, Skeleton } from '@chorus/ui';
import { useState } from 'react';
import { describeError } from '../../api/problem-error';
import { KeyIcon, PlusIcon } from '../../icons';
import { formatDateTime, formatRelativeTime, plural } from '../../lib/format';
import { useNow } from '../../lib/use-now';
import { useApiKeys } from '../../queries/api-keys';
import { scopeDetails, statusAt, statusLabels, statusTones } from './api-key-ui';
import { CreatedKeyDialog } from './created-key-dialog';
import { NewApiKeyDialog } from './new-api-key-dialog';
import { RevokeKeyDialog } from './revoke-key-dialog';

const When = ({ iso, now }: { iso: string; now: number }) => (
  <time dateTime={iso} title={formatDateTime(iso)}>
    {formatRelativeTime(iso, now)}
  </time>
);

const KeyRow = ({
  apiKey,
  now,
  onRevoke,
}: {
  apiKey: ApiKeyView;
  now: number;
  onRevoke: () => void;
}) => {
  const status = statusAt(apiKey, now);
  return (
    <tr data-testid="api-key-row" data-key-id={apiKey.id} data-status={status}>
      <th scope="row">{apiKey.name}</th>
      <td>
        <span className="api-keys__scopes">
          {apiKey.scopes.map((scope) => (
            <Badge key={scope} tone={scope === 'admin' ? 'violet' : 'blue'}>
              {scopeDetails[scope].label}
            </Badge>
          ))}
        </span>
      </td>
      <td>
        <code className="api-keys__prefix">{apiKey.prefix}…</code>
      </td>
      <td>
        <Badge tone={statusTones[status]} dot>
          {statusLabels[status]}
        </Badge>
        {status === 'revoked' && apiKey.revokedAt && (
          <span className="table__hint api-keys__when">
            <When iso={apiKey.revokedAt} now={now} />
          </span>
        )}
      </td>
      <td>
        <When iso={apiKey.createdAt} now={now} />
        <span className="table__hint api-keys__when">by {apiKey.createdBy.name}</span>
      </td>
      <td>{apiKey.expiresAt ? <When iso={apiKey.expiresAt} now={now} /> : 'Never'}</td>
      <td>{apiKey.lastUsedAt ? <When iso={apiKey.lastUsedAt} now={now} /> : 'Never'}</td>
      <td className="api-keys__actions">
        {status === 'active' && (
          <Button size="sm" variant="ghost" onClick={onRevoke}>
            Revoke<span className="ui-visually-hidden"> key {apiKey.name}</span>
          </Button>
        )}
      </td>
    </tr>
  );
};

const KeysTable = ({
  keys,
  busy,
  onRevoke,
}: {
  keys: ApiKeyView[];
  busy: boolean;
  onRevoke: (key: ApiKeyView) => void;
}) => {
  const now = useNow();
  return (
    <div className="api-keys__scroll">
      <table className="table" aria-busy={busy}>
        <caption className="ui-visually-hidden">API keys, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Scopes</th>
            <th scope="col">Key</th>
            <th scope="col">Status</th>
            <th scope="col">Created</th>
            <th scope="col">Expires</th>
            <th scope="col">Last used</th>
            <th scope="col">
              <span className="ui-visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => (
            <KeyRow key={key.id} apiKey={key} now={now} onRevoke={() => onRevoke(key)} />
          ))}
        </tbody>
      </table>
    </div>
  );
};

/** Keys for services calling the API (admins only): listed, created once-shown, revoked. */
export const ApiKeysSettings = () => {
  const keys = useApiKeys();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [revoking, setRevoking] = useState<ApiKeyView | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const items = keys.data?.items ?? [];
  const active = items.filter((key) => key.status === 'active').length;

  return (
    <div className="settings">
      <div className="api-keys__intro">
        <p className="detail__muted">
          Keys let services call the Chorus API. Give each service its own key with only the scopes
          it needs, and revoke it the moment it is no longer used or may have leaked.
        </p>
        <Button variant="primary" icon={<PlusIcon />} onClick={() => setCreating(true)}>
          New API key
        </Button>
      </div>
      <Card padded={false}>
        {keys.isPending ? (
          <div className="table-skeleton" aria-hidden="true">
            {Array.from({ length: 3 }, (_, index) => (
              <Skeleton key={index} height="1.5rem" />
            ))}
          </div>
        ) : keys.isLoadingError ? (
          <ErrorState
            title="Couldn't load the API keys"
            detail={describeError(keys.error)}
            onRetry={() => void keys.refetch()}
            retrying={keys.isFetching}
          />
        ) : items.length === 0 ? (
          <EmptyState
            icon={<KeyIcon />}
            title="No API keys yet"
            hint={
              <>
                A service such as a CRM sync or a reporting tool sends its key with every request,
                as <code>Authorization: Bearer &lt;key&gt;</code>. A key is shown once, when it is
                created, and works until it expires or is revoked.
              </>
            }
          />
        ) : (
          <>
            <KeysTable keys={items} busy={keys.isFetching} onRevoke={setRevoking} />
            <div className="feedback-list__footer">
              <span className="feedback-list__end">
                {plural(items.length, 'key')}, {active.toLocaleString()} active
              </span>
            </div>
          </>
        )}
      </Card>
      <p className="ui-visually-hidden" role="status">
        {announcement}
      </p>
      <NewApiKeyDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(key) => {
          setCreating(false);
          setCreated(key);
        }}
      />
      <CreatedKeyDialog created={created} onClose={() => setCreated(null)} />
      <RevokeKeyDialog
        apiKey={revoking}
        onClose={() => setRevoking(null)}
        onRevoked={(revoked) => {
          setRevoking(null);
          setAnnouncement(`The key “${revoked.name}” was revoked.`);
        }}
      />
    </div>
  );
};
