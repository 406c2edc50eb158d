import { roleLabels, type ActorRoleName, type Invitation } from '@chorus/domain/client';
import { Button, Dialog, Select, TextField } from '@chorus/ui';
import { useState, type FormEvent } from 'react';
import { SecretField } from '../../components/secret-field';
import { formatDateTime } from '../../lib/format';
import { FormError } from '../../lib/form-error';
import { useInvitePerson } from '../../queries/people';
import { fieldError } from '../settings-kit';
import { roleOptions, roleSummaries } from './people-ui';

const InviteForm = ({
  onCancel,
  onInvited,
}: {
  onCancel: () => void;
  onInvited: (invitation: Invitation) => void;
}) => {
  const invite = useInvitePerson();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  // Least privilege first: the admin raises it when they mean to.
  const [role, setRole] = useState<Exclude<ActorRoleName, 'customer'>>('teammate');
  const [submitted, setSubmitted] = useState(false);

  const errors = {
    name:
      (submitted && !name.trim() ? 'Give their name.' : undefined) ??
      fieldError(invite.error, 'name'),
    email:
      (submitted && !email.trim() ? 'Give their email address.' : undefined) ??
      fieldError(invite.error, 'email'),
    role: fieldError(invite.error, 'role'),
  };

  const edited = () => {
    if (invite.isError) invite.reset();
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    if (!name.trim() || !email.trim()) return;
    invite.mutate({ name: name.trim(), email: email.trim(), role }, { onSuccess: onInvited });
  };

  return (
    <form onSubmit={submit} noValidate>
      <div className="composer__fields">
        <TextField
          label="Name"
          required
          autoComplete="off"
          maxLength={120}
          placeholder="e.g. Ada Lovelace"
          value={name}
          error={errors.name}
          onChange={(event) => {
            setName(event.target.value);
            edited();
          }}
        />
        <TextField
          label="Email"
          type="email"
          required
          autoComplete="off"
          spellCheck={false}
          placeholder="ada@example.com"
          hint="They sign in with it."
          value={email}
          error={errors.email}
          onChange={(event) => {
            setEmail(event.target.value);
            edited();
          }}
        />
        <Select
          label="Role"
          options={roleOptions}
          value={role}
          hint={roleSummaries[role]}
          error={errors.role}
          onChange={(event) => {
            setRole(event.target.value as typeof role);
            edited();
          }}
        />
        <FormError error={invite.error} shownBy={['name', 'email', 'role']} />
      </div>
      <footer className="composer__footer">
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" loading={invite.isPending}>
          Create invitation
        </Button>
      </footer>
    </form>
  );
};

/** The link with its secret, shown this once: the admin passes it on themselves. */
const InvitationLink = ({ invitation, onDone }: { invitation: Invitation; onDone: () => void }) => {
  const { person } = invitation;

  return (
    <>
      <div className="composer__fields">
        <p>
          Send this link to <strong>{person.name}</strong> ({person.email}) yourself, by email or
          chat: Chorus does not send it. With it they choose a password and join as{' '}
          {roleLabels[person.role].toLowerCase()}.
        </p>
        <p className="banner banner--pending">
          <strong>Copy it now: it will not be shown again.</strong> Anyone with the link can join as{' '}
          {person.name}
          {person.invitationExpiresAt
            ? `, until ${formatDateTime(person.invitationExpiresAt)} or until it is used`
            : ''}
          . Chorus keeps only a fingerprint of it.
        </p>
        {/* The form that had the focus is gone: the link takes it, selected, ready to copy. */}
        <SecretField
          label="Invitation link"
          value={invitation.acceptUrl}
          what="the link"
          autoFocus
        />
      </div>
      <footer className="composer__footer">
        <Button variant="primary" onClick={onDone}>
          Done
        </Button>
      </footer>
    </>
  );
};

/** Invite someone: a form, then the link to pass on, once. Closing forgets the link. */
export const InvitePersonDialog = ({ open, onClose }: { open: boolean; onClose: () => void }) => {
  const [invitation, setInvitation] = useState<Invitation | null>(null);
  const close = () => {
    setInvitation(null);
    onClose();
  };
  return (
    <Dialog
      open={open}
      onClose={close}
      title={invitation ? 'Send the invitation link' : 'Invite someone'}
      description={
        invitation
          ? undefined
          : 'They get a link to choose a password and join this workspace with the role you give them.'
      }
    >
      {invitation ? (
        <InvitationLink invitation={invitation} onDone={close} />
      ) : (
        <InviteForm onCancel={close} onInvited={setInvitation} />
      )}
    </Dialog>
  );
};
