import { Button } from '@chorus/ui';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useLocation } from 'wouter';
import { isProblem, ProblemError } from '../api/problem-error';
import { FormError } from '../lib/form-error';
import { acceptInvitation } from './auth-api';
import { getInvitationToken } from './auth-store';
import { NewPasswordFields, newPasswordReady, type NewPassword } from './new-password-fields';
import { AuthCard, fieldMessage } from './sign-in-screen';

/** Why the link cannot be used: the page says so instead of the form. */
const Unusable = ({ title, detail }: { title: string; detail: string }) => (
  <AuthCard title={title} lead={detail}>
    <Link className="sign-in__link" href="/" replace>
      Go to the sign-in page
    </Link>
  </AuthCard>
);

const AcceptForm = ({ token }: { token: string }) => {
  const [, navigate] = useLocation();
  const accept = useMutation({
    mutationFn: acceptInvitation,
    // Signed in: the app opens on the inbox, and Back does not return to the used link.
    onSuccess: () => navigate('/', { replace: true }),
  });
  const [choice, setChoice] = useState<NewPassword>({ password: '', repeated: '' });
  const [submitted, setSubmitted] = useState(false);

  if (isProblem(accept.error, 404)) {
    return (
      <Unusable
        title="This invitation link can't be used"
        detail="It has been used already, or it was not copied whole. If you have set your password, sign in with it; otherwise ask an admin of your workspace for a new invitation."
      />
    );
  }
  // 422: the invitation expired, or the person was deactivated meanwhile; the API says which.
  if (accept.error instanceof ProblemError && accept.error.status === 422) {
    return (
      <Unusable
        title="This invitation can't be accepted"
        detail={accept.error.detail ?? accept.error.title}
      />
    );
  }

  const edited = () => {
    if (accept.isError) accept.reset();
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    if (!newPasswordReady(choice)) return;
    accept.mutate({ token, password: choice.password });
  };

  return (
    <AuthCard
      title="Accept your invitation"
      lead="Choose a password to finish joining your team's Chorus workspace. You will sign in with it and your email."
    >
      <form className="sign-in__form" onSubmit={submit} noValidate aria-label="Choose a password">
        <NewPasswordFields
          value={choice}
          onChange={(value) => {
            setChoice(value);
            edited();
          }}
          submitted={submitted}
          serverError={fieldMessage(accept.error, 'password')}
          autoFocus
        />
        <FormError error={accept.error} shownBy={['password']} />
        <Button type="submit" variant="primary" size="lg" loading={accept.isPending}>
          Set password and sign in
        </Button>
      </form>
    </AuthCard>
  );
};

/** `/invitation#token=…`: the link an admin passed on. Public: the person has no account yet. */
const InvitationPage = () => {
  const token = getInvitationToken();
  if (!token) {
    return (
      <Unusable
        title="Open the link from your invitation"
        detail="This page needs the whole link an admin sent you, including the part after #token=. Open that link again; it works until the invitation is accepted or expires."
      />
    );
  }
  return <AcceptForm token={token} />;
};

export default InvitationPage;
