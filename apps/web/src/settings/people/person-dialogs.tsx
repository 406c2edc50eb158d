import { roleLabels, type ActorRoleName, type PersonView } from '@chorus/domain/client';
import { Button, Dialog } from '@chorus/ui';
import { FormError } from '../../lib/form-error';
import { useChangeRole, useSetActive } from '../../queries/people';

/** Changing one's own role applies at once; someone who is no longer an admin cannot undo it. */
export type OwnRoleChange = { person: PersonView; role: ActorRoleName };

const OwnRole = ({
  change,
  onCancel,
  onChanged,
}: {
  change: OwnRoleChange;
  onCancel: () => void;
  onChanged: (person: PersonView) => void;
}) => {
  const changeRole = useChangeRole(change.person.id);
  const losesAdmin = change.person.role === 'admin' && change.role !== 'admin';
  return (
    <>
      <div className="composer__fields">
        <p>
          You become {roleLabels[change.role].toLowerCase()} at once.
          {losesAdmin &&
            ' You will no longer manage people, API keys or the audit trail, and only another admin can give the admin role back.'}
        </p>
        <FormError error={changeRole.error} />
      </div>
      <footer className="composer__footer">
        {/* The safe choice has the focus. */}
        <Button variant="ghost" data-autofocus onClick={onCancel}>
          Keep my role
        </Button>
        <Button
          variant={losesAdmin ? 'danger' : 'primary'}
          loading={changeRole.isPending}
          onClick={() =>
            changeRole.mutate({ id: change.person.id, role: change.role }, { onSuccess: onChanged })
          }
        >
          Change my role
        </Button>
      </footer>
    </>
  );
};

export const OwnRoleDialog = ({
  change,
  onClose,
  onChanged,
}: {
  change: OwnRoleChange | null;
  onClose: () => void;
  onChanged: (person: PersonView) => void;
}) => (
  <Dialog
    open={change !== null}
    onClose={onClose}
    title={change ? `Make yourself ${roleLabels[change.role].toLowerCase()}?` : 'Change your role'}
  >
    {change && <OwnRole change={change} onCancel={onClose} onChanged={onChanged} />}
  </Dialog>
);

/** Deactivating or reactivating someone. */
export type StatusChange = { person: PersonView; active: boolean };

const Status = ({
  change,
  onCancel,
  onChanged,
}: {
  change: StatusChange;
  onCancel: () => void;
  onChanged: (person: PersonView) => void;
}) => {
  const setActive = useSetActive();
  const { person, active } = change;
  const invited = person.status === 'invited';
  return (
    <>
      <div className="composer__fields">
        <p>
          {active
            ? `${person.name} can sign in again, as ${roleLabels[person.role].toLowerCase()}, with the password or token they had.`
            : invited
              ? `The invitation sent to ${person.email} stops working at once.`
              : `${person.name} is signed out everywhere at once: their sessions and API token stop working. What they did stays in the workspace, and you can reactivate them later.`}
        </p>
        <FormError error={setActive.error} />
      </div>
      <footer className="composer__footer">
        <Button variant="ghost" data-autofocus onClick={onCancel}>
          Cancel
        </Button>
        <Button
          variant={active ? 'primary' : 'danger'}
          loading={setActive.isPending}
          onClick={() => setActive.mutate({ id: person.id, active }, { onSuccess: onChanged })}
        >
          {active ? 'Reactivate' : 'Deactivate'}
        </Button>
      </footer>
    </>
  );
};

export const StatusDialog = ({
  change,
  onClose,
  onChanged,
}: {
  change: StatusChange | null;
  onClose: () => void;
  onChanged: (person: PersonView) => void;
}) => (
  <Dialog
    open={change !== null}
    onClose={onClose}
    title={
      change
        ? `${change.active ? 'Reactivate' : 'Deactivate'} ${change.person.name}?`
        : 'Deactivate'
    }
  >
    {change && <Status change={change} onCancel={onClose} onChanged={onChanged} />}
  </Dialog>
);
