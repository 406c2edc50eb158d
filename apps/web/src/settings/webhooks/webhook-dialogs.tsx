import type { CreatedWebhook, WebhookView } from '@chorus/domain/client';
import { Button, ConfirmDialog, Dialog } from '@chorus/ui';
import { SecretField } from '../../components/secret-field';
import { FormError } from '../../lib/form-error';
import { useDeleteWebhook, useRotateWebhookSecret } from '../../queries/webhooks';
import { STANDARD_WEBHOOKS_URL } from './webhook-ui';

/** A signing secret to show once, and whether a create or a rotation made it. */
export type ShownSecret = { secret: string; by: 'create' | 'rotate' };

const SignatureNote = () => (
  <div className="webhook-verify">
    <p className="webhook-verify__title">How to verify a request</p>
    <p>
      Each request carries the <code>webhook-id</code>, <code>webhook-timestamp</code> and{' '}
      <code>webhook-signature</code> headers of{' '}
      <a href={STANDARD_WEBHOOKS_URL} target="_blank" rel="noreferrer">
        Standard Webhooks
      </a>
      . The signature is an HMAC-SHA256, keyed with this secret, of <code>id.timestamp.body</code>.
      Use a Standard Webhooks library to check it, refuse requests whose timestamp is more than five
      minutes old, and use <code>webhook-id</code> to ignore a delivery you already handled: retries
      and redeliveries send the same id.
    </p>
  </div>
);

const Secret = ({ shown, onDone }: { shown: ShownSecret; onDone: () => void }) => (
  <>
    <div className="composer__fields">
      <p className="banner banner--pending">
        <strong>Copy it now: it will not be shown again.</strong> Store it with the receiver. If it
        is lost, rotate it to get a new one.
      </p>
      <SecretField label="Signing secret" value={shown.secret} what="the secret" />
      {shown.by === 'rotate' && (
        <p className="detail__muted">
          For the next 24 hours, Chorus signs each request with both the old and the new secret, so
          the receiver can switch to the new one without missing a delivery.
        </p>
      )}
      <SignatureNote />
    </div>
    <footer className="composer__footer">
      <Button variant="primary" onClick={onDone}>
        Done
      </Button>
    </footer>
  </>
);

/** The signing secret, shown this once after a create or a rotation; closing forgets it. */
export const SecretDialog = ({
  shown,
  onClose,
}: {
  shown: ShownSecret | null;
  onClose: () => void;
}) => (
  <Dialog
    open={shown !== null}
    onClose={onClose}
    className="webhook-dialog"
    title={shown?.by === 'rotate' ? 'Your new signing secret' : 'Your webhook’s signing secret'}
    description="The receiver uses it to check that each request comes from Chorus."
  >
    {shown && <Secret shown={shown} onDone={onClose} />}
  </Dialog>
);

/** Deleting stops the deliveries at once, the waiting ones included. */
export const DeleteWebhookDialog = ({
  webhook,
  onClose,
  onDeleted,
}: {
  webhook: WebhookView | null;
  onClose: () => void;
  onDeleted: (deleted: WebhookView) => void;
}) => {
  const remove = useDeleteWebhook();
  // A failure shown for one webhook must not greet the next.
  const cancel = () => {
    remove.reset();
    onClose();
  };
  return (
    <ConfirmDialog
      open={webhook !== null}
      title="Delete this webhook?"
      description="The receiver gets no more events from this workspace."
      confirmLabel="Delete webhook"
      tone="danger"
      pending={remove.isPending}
      error={<FormError error={remove.error} />}
      onConfirm={() => {
        if (webhook) remove.mutate(webhook.id, { onSuccess: () => onDeleted(webhook) });
      }}
      onCancel={cancel}
    >
      {webhook && (
        <p>
          Chorus stops sending events to <code className="webhook-url">{webhook.url}</code> at once,
          and gives up on the deliveries still waiting. This cannot be undone.
        </p>
      )}
    </ConfirmDialog>
  );
};

/** A new signing secret, shown once by the caller. */
export const RotateSecretDialog = ({
  webhook,
  onClose,
  onRotated,
}: {
  webhook: WebhookView | null;
  onClose: () => void;
  onRotated: (rotated: CreatedWebhook) => void;
}) => {
  const rotate = useRotateWebhookSecret();
  const cancel = () => {
    rotate.reset();
    onClose();
  };
  return (
    <ConfirmDialog
      open={webhook !== null}
      title="Rotate the signing secret?"
      description="The receiver needs the new secret to keep checking signatures."
      confirmLabel="Rotate secret"
      pending={rotate.isPending}
      error={<FormError error={rotate.error} />}
      onConfirm={() => {
        if (webhook) rotate.mutate(webhook.id, { onSuccess: onRotated });
      }}
      onCancel={cancel}
    >
      {webhook && (
        <p>
          Chorus makes a new signing secret for <code className="webhook-url">{webhook.url}</code>{' '}
          and shows it once. Rotate it when the current one (<code>{webhook.secretPrefix}…</code>)
          may have leaked, or as a routine.
        </p>
      )}
    </ConfirmDialog>
  );
};
