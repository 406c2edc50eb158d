import type { PortalSecret } from '@chorus/domain/client';
import { Button, ConfirmDialog, Dialog } from '@chorus/ui';
import { SecretField } from '../../components/secret-field';
import { FormError } from '../../lib/form-error';
import { useMakePortalSecret } from '../../queries/portal';

/** Replacing a secret that works: the host application's sign-ins fail until it is updated. */
export const ReplaceSecretDialog = ({
  open,
  onClose,
  onMade,
}: {
  open: boolean;
  onClose: () => void;
  onMade: (made: PortalSecret) => void;
}) => {
  const make = useMakePortalSecret();
  // A failure shown once must not greet the next attempt.
  const cancel = () => {
    make.reset();
    onClose();
  };
  return (
    <ConfirmDialog
      open={open}
      title="Replace the portal secret?"
      description="Your application signs its users' sign-in tokens with it."
      confirmLabel="Replace the secret"
      cancelLabel="Keep the current secret"
      tone="danger"
      pending={make.isPending}
      error={<FormError error={make.error} />}
      onConfirm={() => make.mutate(undefined, { onSuccess: onMade })}
      onCancel={cancel}
    >
      <p>
        The current secret stops working <strong>at once</strong>: until your application signs with
        the new one, its users cannot sign in to the portal with it. Sessions already open stay
        open.
      </p>
    </ConfirmDialog>
  );
};

/** The new secret, shown this once; closing the dialog forgets it. */
export const MadeSecretDialog = ({
  made,
  onClose,
}: {
  made: PortalSecret | null;
  onClose: () => void;
}) => (
  <Dialog open={made !== null} onClose={onClose} title="Your new portal secret">
    {made && (
      <>
        <div className="composer__fields">
          <p className="banner banner--pending">
            <strong>Copy it now: it will not be shown again.</strong> Keep it in your
            application&apos;s server configuration, as <code>CHORUS_PORTAL_SECRET</code> in the
            sample, never in a page or an app a user can open. If it is lost, make another.
          </p>
          <SecretField label="Portal secret" value={made.secret} what="the secret" autoFocus />
        </div>
        <footer className="composer__footer">
          <Button variant="primary" onClick={onClose}>
            Done
          </Button>
        </footer>
      </>
    )}
  </Dialog>
);
