import type { ApiKeyView } from '@chorus/domain/client';
import { Button, Dialog } from '@chorus/ui';
import { FormError } from '../../lib/form-error';
import { useRevokeApiKey } from '../../queries/api-keys';

const RevokeKey = ({
  apiKey,
  onCancel,
  onRevoked,
}: {
  apiKey: ApiKeyView;
  onCancel: () => void;
  onRevoked: (revoked: ApiKeyView) => void;
}) => {
  const revoke = useRevokeApiKey();
  return (
    <>
      <div className="composer__fields">
        <p>
          The key <strong>{apiKey.name}</strong> (<code>{apiKey.prefix}…</code>) is refused from now
          on. This cannot be undone: a service that still needs access needs a new key.
        </p>
        <FormError error={revoke.error} />
      </div>
      <footer className="composer__footer">
        {/* The safe choice has the focus. */}
        <Button variant="ghost" data-autofocus onClick={onCancel}>
          Cancel
        </Button>
        <Button
          variant="danger"
          loading={revoke.isPending}
          onClick={() => revoke.mutate(apiKey.id, { onSuccess: onRevoked })}
        >
          Revoke key
        </Button>
      </footer>
    </>
  );
};

export const RevokeKeyDialog = ({
  apiKey,
  onClose,
  onRevoked,
}: {
  apiKey: ApiKeyView | null;
  onClose: () => void;
  onRevoked: (revoked: ApiKeyView) => void;
}) => (
  <Dialog
    open={apiKey !== null}
    onClose={onClose}
    title={apiKey ? `Revoke “${apiKey.name}”?` : 'Revoke key'}
    description="Services using it stop working at once."
  >
    {apiKey && <RevokeKey apiKey={apiKey} onCancel={onClose} onRevoked={onRevoked} />}
  </Dialog>
);
