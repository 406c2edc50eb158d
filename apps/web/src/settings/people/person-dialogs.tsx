import { roleLabels, type ActorRoleName, type PersonView } from '@chorus/domain/client';
import { ConfirmDialog } from '@chorus/ui';
import { FormError } from '../../lib/form-error';
import { useChangeRole, useSetActive } from '../../queries/people';

/** Changing one's own role applies at once; someone who is no longer an admin cannot undo it. */
export type OwnRoleChange = { person: PersonView; role: ActorRoleName };

export const OwnRoleDialog = ({
  change,
  onClose,
  onChanged,
}: {
  change: OwnRoleChange | null;
  onClose: () => void;
  onChanged: (person: PersonView) => void;
}) => {
  // The person is oneself; with no change asked, no mutation runs and the id is never read.
  const changeRole = useChangeRole(change?.person.id ?? '');
  const losesAdmin = change?.person.role === 'admin' && change.role !== 'admin';
  // A failure shown for one change must not greet the next.
  const cancel = () => {
    changeRole.reset();
    onClose();
  };
  return (
    <ConfirmDialog
      open={change !== null}
      title={
        change ? `Make yourself ${roleLabels[change.role].toLowerCase()}?` : 'Change your role'
      }
      confirmLabel="Change my role"
      cancelLabel="Keep my role"
      tone={losesAdmin ? 'danger' : 'default'}
      pending={changeRole.isPending}
      error={<FormError error={changeRole.error} />}
      onConfirm={() => {
        if (change) {
          changeRole.mutate({ id: change.person.id, role: change.role }, { onSuccess: onChanged });
        }
      }}
      onCancel={cancel}
    >
      {change && (
        <p>
          You become {roleLabels[change.role].toLowerCase()} at once.
          {losesAdmin &&
            ' You will no longer manage people, API keys or the audit trail, and only another admin can give the admin role back.'}
        </p>
      )}
    </ConfirmDialog>
  );
};

/** Deactivating or reactivating someone. */
export type StatusChange = { person: PersonView; active: boolean };

const consequences = ({ person, active }: StatusChange): string => {
  if (active) {
    return `${person.name} can sign in again, as ${roleLabels[person.role].toLowerCase()}, with the password or token they had.`;
  }
  return person.status === 'invited'
    ? `The invitation sent to ${person.email} stops working at once.`
    : `${person.name} is signed out everywhere at once: their sessions and API token stop working. What they did stays in the workspace, and you can reactivate them later.`;
};

export const StatusDialog = ({
  change,
  onClose,
  onChanged,
}: {
  change: StatusChange | null;
  onClose: () => void;
  onChanged: (person: PersonView) => void;
}) => {
  const setActive = useSetActive();
  const cancel = () => {
    setActive.reset();
    onClose();
  };
  const action = change?.active ? 'Reactivate' : 'Deactivate';
  return (
    <ConfirmDialog
      open={change !== null}
      title={change ? `${action} ${change.person.name}?` : action}
      confirmLabel={action}
      tone={change?.active ? 'default' : 'danger'}
      pending={setActive.isPending}
      error={<FormError error={setActive.error} />}
      onConfirm={() => {
        if (change) {
          setActive.mutate(
            { id: change.person.id, active: change.active },
            { onSuccess: onChanged },
          );
        }
      }}
      onCancel={cancel}
    >
      {change && <p>{consequences(change)}</p>}
    </ConfirmDialog>
  );
};
