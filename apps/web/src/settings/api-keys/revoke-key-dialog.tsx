import type { ApiKeyView } from '@chorus/domain/client';
import { ConfirmDialog } from '@chorus/ui';
import { FormError } from '../../lib/form-error';
import { useRevokeApiKey } from '../../queries/api-keys';

export const RevokeKeyDialog = ({
  apiKey,
  onClose,
  onRevoked,
}: {
  apiKey: ApiKeyView | null;
  onClose: () => void;
  onRevoked: (revoked: ApiKeyView) => void;
}) => {
  const revoke = useRevokeApiKey();
  // A failure shown for one key must not greet the next.
  const cancel = () => {
    revoke.reset();
    onClose();
  };
  return (
    <ConfirmDialog
      open={apiKey !== null}
      title={apiKey ? `Revoke “${apiKey.name}”?` : 'Revoke key'}
      description="Services using it stop working at once."
      confirmLabel="Revoke key"
      tone="danger"
      pending={revoke.isPending}
      error={<FormError error={revoke.error} />}
      onConfirm={() => {
        if (apiKey) revoke.mutate(apiKey.id, { onSuccess: onRevoked });
      }}
      onCancel={cancel}
    >
      {apiKey && (
        <p>
          The key <strong>{apiKey.name}</strong> (<code>{apiKey.prefix}…</code>) is refused from now
          on. This cannot be undone: a service that still needs access needs a new key.
        </p>
      )}
    </ConfirmDialog>
  );
};
