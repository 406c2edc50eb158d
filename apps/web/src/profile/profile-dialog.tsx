import { roleLabels } from '@chorus/domain/client';
import { Button, Dialog, TextField } from '@chorus/ui';
import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import type { Me } from '../api/types';
import { changePassword } from '../auth/auth-api';
import { useAuth } from '../auth/auth-store';
import { NewPasswordFields, newPasswordReady, type NewPassword } from '../auth/new-password-fields';
import { fieldMessage } from '../auth/sign-in-screen';
import { FormError } from '../lib/form-error';

const ChangePasswordForm = () => {
  // Whoever signed in with a password has one to confirm; with a token, they may have none yet.
  const bySession = useAuth().credential?.kind === 'session';
  const change = useMutation({ mutationFn: changePassword });
  const [current, setCurrent] = useState('');
  const [choice, setChoice] = useState<NewPassword>({ password: '', repeated: '' });
  const [submitted, setSubmitted] = useState(false);
  const headingId = useId();

  const errors = {
    currentPassword:
      (submitted && bySession && !current ? 'Give your current password.' : undefined) ??
      fieldMessage(change.error, 'currentPassword'),
  };

  const edited = () => {
    if (change.isError || change.isSuccess) change.reset();
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    if ((bySession && !current) || !newPasswordReady(choice)) return;
    change.mutate(
      { ...(current ? { currentPassword: current } : {}), newPassword: choice.password },
      {
        onSuccess: () => {
          setCurrent('');
          setChoice({ password: '', repeated: '' });
          setSubmitted(false);
        },
      },
    );
  };

  return (
    <form className="profile__form" onSubmit={submit} noValidate aria-labelledby={headingId}>
      <h3 id={headingId} className="profile__heading">
        Change password
      </h3>
      <TextField
        label="Current password"
        type="password"
        autoComplete="current-password"
        required={bySession}
        hint={
          bySession
            ? undefined
            : 'Leave it empty if you have never set a password (you use a token).'
        }
        value={current}
        error={errors.currentPassword}
        onChange={(event) => {
          setCurrent(event.target.value);
          edited();
        }}
      />
      <NewPasswordFields
        label="New password"
        value={choice}
        onChange={(value) => {
          setChoice(value);
          edited();
        }}
        submitted={submitted}
        serverError={fieldMessage(change.error, 'newPassword')}
      />
      <FormError error={change.error} shownBy={['currentPassword', 'newPassword']} />
      <p className="profile__saved" role="status">
        {change.isSuccess
          ? 'Your password is changed. You stay signed in here; your other sessions have ended.'
          : ''}
      </p>
      <div className="profile__actions">
        <Button type="submit" variant="primary" loading={change.isPending}>
          Change password
        </Button>
      </div>
    </form>
  );
};

/** Who is signed in, and their password. Loaded on first opening: most visits never need it. */
const ProfileDialog = ({ me, open, onClose }: { me: Me; open: boolean; onClose: () => void }) => (
  <Dialog open={open} onClose={onClose} title="Your profile">
    <div className="composer__fields">
      <dl className="profile__facts">
        <div>
          <dt>Name</dt>
          <dd>{me.name}</dd>
        </div>
        <div>
          <dt>Email</dt>
          <dd>{me.email}</dd>
        </div>
        <div>
          <dt>Role</dt>
          <dd>{roleLabels[me.role]}</dd>
        </div>
        <div>
          <dt>Workspace</dt>
          <dd>{me.workspace.name}</dd>
        </div>
      </dl>
      <ChangePasswordForm />
    </div>
  </Dialog>
);

export default ProfileDialog;
