import { Button, TextField } from '@chorus/ui';
import { useMutation } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ProblemError } from '../api/problem-error';
import { BrandMark } from '../icons';
import { FormError } from '../lib/form-error';
import { enc } from '../api/request';
import { signInWithPassword, singleSignOnStart, takeSingleSignOnError } from './auth-api';
import { extractToken, signIn } from './auth-store';

/** The card the sign-in and invitation pages share. */
export const AuthCard = ({
  title,
  lead,
  children,
}: {
  title: string;
  lead: ReactNode;
  children: ReactNode;
}) => (
  <main className="sign-in">
    <div className="sign-in__card">
      <div className="sign-in__brand">
        <BrandMark />
        <span>Chorus</span>
      </div>
      <h1 className="sign-in__title">{title}</h1>
      <p className="sign-in__lead">{lead}</p>
      {children}
    </div>
  </main>
);

/** The API's message for `field`, when `error` is a problem naming it. */
export const fieldMessage = (error: unknown, field: string): string | undefined =>
  error instanceof ProblemError ? error.fieldMessage(field) : undefined;

const PasswordForm = () => {
  const workspaceRef = useRef<HTMLInputElement>(null);
  // The workspace is asked for only when the email has accounts in several.
  const [askWorkspace, setAskWorkspace] = useState(false);
  const signInMutation = useMutation({
    mutationFn: signInWithPassword,
    onError: (error) => {
      if (!fieldMessage(error, 'workspace')) return;
      setAskWorkspace(true);
      window.requestAnimationFrame(() => workspaceRef.current?.focus());
    },
  });
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [workspace, setWorkspace] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const error = signInMutation.error;

  const errors = {
    email:
      (submitted && !email.trim() ? 'Give your email address.' : undefined) ??
      fieldMessage(error, 'email'),
    password:
      (submitted && !password ? 'Give your password.' : undefined) ??
      fieldMessage(error, 'password'),
    // The API's sentence first: it says why the field appeared.
    workspace:
      fieldMessage(error, 'workspace') ??
      (submitted && askWorkspace && !workspace.trim()
        ? 'Give the workspace to sign in to.'
        : undefined),
  };

  const edited = () => {
    if (signInMutation.isError) signInMutation.reset();
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    if (!email.trim() || !password || (askWorkspace && !workspace.trim())) return;
    signInMutation.mutate({
      email: email.trim(),
      password,
      ...(askWorkspace ? { workspace: workspace.trim().toLowerCase() } : {}),
    });
  };

  return (
    <form className="sign-in__form" onSubmit={submit} noValidate aria-label="Sign in">
      <TextField
        label="Email"
        type="email"
        autoComplete="username"
        spellCheck={false}
        autoFocus
        required
        value={email}
        error={errors.email}
        onChange={(event) => {
          setEmail(event.target.value);
          edited();
        }}
      />
      <TextField
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        value={password}
        error={errors.password}
        onChange={(event) => {
          setPassword(event.target.value);
          edited();
        }}
      />
      {askWorkspace && (
        <TextField
          ref={workspaceRef}
          label="Workspace"
          autoComplete="organization"
          spellCheck={false}
          required
          placeholder="e.g. acme"
          hint="Its short name, as in the address of its public roadmap (/p/acme/roadmap)."
          value={workspace}
          error={errors.workspace}
          onChange={(event) => {
            setWorkspace(event.target.value);
            edited();
          }}
        />
      )}
      <FormError error={error} shownBy={['email', 'password', 'workspace']} />
      <Button type="submit" variant="primary" size="lg" loading={signInMutation.isPending}>
        Sign in
      </Button>
    </form>
  );
};

const LAST_WORKSPACE = 'chorus.sso-workspace';

/** Through the organisation's identity provider: the workspace says which one. */
const SingleSignOnForm = () => {
  const [workspace, setWorkspace] = useState(
    () => window.localStorage.getItem(LAST_WORKSPACE) ?? '',
  );
  const [submitted, setSubmitted] = useState(false);
  const start = useMutation({
    mutationFn: async (slug: string) => {
      const url = await singleSignOnStart(slug);
      if (url === null) throw new Error(`The workspace "${slug}" has no single sign-on.`);
      window.localStorage.setItem(LAST_WORKSPACE, slug);
      const returnTo = `${window.location.pathname}${window.location.search}`;
      window.location.assign(`${url}?returnTo=${enc(returnTo)}`);
    },
  });
  const slug = workspace.trim().toLowerCase();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    if (slug) start.mutate(slug);
  };

  return (
    <form className="sign-in__form" onSubmit={submit} noValidate aria-label="Single sign-on">
      <TextField
        label="Workspace"
        autoComplete="organization"
        spellCheck={false}
        placeholder="e.g. acme"
        hint="Its short name, as in the address of its public roadmap (/p/acme/roadmap)."
        value={workspace}
        error={submitted && !slug ? 'Give the workspace to sign in to.' : undefined}
        onChange={(event) => {
          setWorkspace(event.target.value);
          start.reset();
        }}
      />
      <FormError error={start.error} />
      <Button type="submit" size="lg" loading={start.isPending || start.isSuccess}>
        Continue with single sign-on
      </Button>
    </form>
  );
};

/** Today's way in for the demo and for people without a password: an API token. */
const TokenForm = () => {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string>();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const token = extractToken(value);
    if (!token) {
      setError('Paste your access token to continue.');
      return;
    }
    signIn(token);
  };

  return (
    <form className="sign-in__form" onSubmit={submit} noValidate aria-label="Sign in with a token">
      <p className="sign-in__hint">
        Paste the access token from the link the Chorus launcher printed (the part after{' '}
        <code>#token=</code>). Opening that link signs you in directly.
      </p>
      <TextField
        data-testid="token-input"
        label="Access token"
        type="password"
        autoComplete="off"
        spellCheck={false}
        autoFocus
        value={value}
        error={error}
        onChange={(event) => {
          setValue(event.target.value);
          setError(undefined);
        }}
      />
      <Button type="submit" size="lg">
        Sign in with token
      </Button>
    </form>
  );
};

export const SignInScreen = ({ notice }: { notice: string | null }) => {
  const [withToken, setWithToken] = useState(false);
  const [withSso, setWithSso] = useState(false);
  const [ssoError] = useState(takeSingleSignOnError);
  const tokenRegionId = useId();
  const ssoRegionId = useId();

  return (
    <AuthCard
      title="Sign in to your workspace"
      lead="Use the email and password of your Chorus account."
    >
      {(ssoError ?? notice) && (
        <p className="sign-in__notice" role="alert">
          {ssoError ?? notice}
        </p>
      )}
      <PasswordForm />
      <div className="sign-in__alternative">
        <Button
          variant="ghost"
          size="sm"
          aria-expanded={withSso}
          aria-controls={ssoRegionId}
          onClick={() => setWithSso((open) => !open)}
        >
          Sign in with your organisation
        </Button>
        <div id={ssoRegionId} hidden={!withSso}>
          {withSso && <SingleSignOnForm />}
        </div>
      </div>
      <div className="sign-in__alternative">
        <Button
          variant="ghost"
          size="sm"
          aria-expanded={withToken}
          aria-controls={tokenRegionId}
          onClick={() => setWithToken((open) => !open)}
        >
          Use an API token instead
        </Button>
        <div id={tokenRegionId} hidden={!withToken}>
          {withToken && <TokenForm />}
        </div>
      </div>
    </AuthCard>
  );
};
