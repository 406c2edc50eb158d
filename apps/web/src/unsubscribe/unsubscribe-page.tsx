import type { UnsubscribeTokenView } from '@chorus/domain/client';
import { Button, ErrorState, Spinner } from '@chorus/ui';
import { Link } from 'wouter';
import { describeError, ProblemError } from '../api/problem-error';
import { useAuth } from '../auth/auth-store';
import { AuthCard } from '../auth/sign-in-screen';
import { FormError } from '../lib/form-error';
import { useSearchParam } from '../lib/url-state';
import { useUnsubscribe, useUnsubscribeToken } from '../queries/notification-settings';
import { categoryDetails } from '../settings/notifications/notification-categories';

/** Where a signed-in person changes which emails they receive. */
const SETTINGS_PATH = '/settings/notifications';

/** To the settings: through the sign-in screen for whoever is not signed in on this browser. */
const SettingsLink = () => {
  const signedIn = useAuth().credential !== null;
  return (
    <Link className="sign-in__link" href={SETTINGS_PATH}>
      {signedIn ? 'Open your notification settings' : 'Sign in to choose which emails you get'}
    </Link>
  );
};

/** The API refuses a token it cannot verify with a 400 naming `token`. */
const isRefusedToken = (error: unknown): error is ProblemError =>
  error instanceof ProblemError && error.status === 400;

const RefusedLink = ({ error }: { error: ProblemError }) => (
  <AuthCard
    title="This unsubscribe link can't be used"
    lead={
      error.fieldMessage('token') ??
      'It is not a valid unsubscribe link: it may have been cut short when it was copied. Open the link from the email again, or sign in and choose which emails you get in your settings.'
    }
  >
    <SettingsLink />
  </AuthCard>
);

const nameOf = (view: UnsubscribeTokenView) => categoryDetails[view.category].label.toLowerCase();

const Unsubscribed = ({ view }: { view: UnsubscribeTokenView }) => (
  <AuthCard
    title="You're unsubscribed"
    lead={
      <>
        You will no longer get <strong>{nameOf(view)}</strong> emails from {view.workspaceName}.
        Changed your mind? You can turn them back on at any time in your notification settings.
      </>
    }
  >
    <SettingsLink />
  </AuthCard>
);

const Confirm = ({ token, view }: { token: string; view: UnsubscribeTokenView }) => {
  const unsubscribe = useUnsubscribe();
  if (unsubscribe.isSuccess) return <Unsubscribed view={unsubscribe.data} />;
  if (isRefusedToken(unsubscribe.error)) return <RefusedLink error={unsubscribe.error} />;
  if (!view.subscribed) {
    return (
      <AuthCard
        title="You're already unsubscribed"
        lead={
          <>
            You do not get <strong>{nameOf(view)}</strong> emails from {view.workspaceName} any
            more. You can turn them back on at any time in your notification settings.
          </>
        }
      >
        <SettingsLink />
      </AuthCard>
    );
  }
  const { label, sends } = categoryDetails[view.category];
  return (
    <AuthCard
      title={`Unsubscribe from ${label.toLowerCase()} emails?`}
      lead={
        <>
          {view.workspaceName} emails you{' '}
          {sends.charAt(0).toLowerCase() + sends.slice(1).replace(/\.$/, '')}. Other emails are not
          affected.
        </>
      }
    >
      <div className="unsubscribe__actions">
        <Button
          variant="primary"
          size="lg"
          loading={unsubscribe.isPending}
          onClick={() => unsubscribe.mutate({ token })}
        >
          Unsubscribe
        </Button>
        <FormError error={unsubscribe.error} />
        <SettingsLink />
      </div>
    </AuthCard>
  );
};

const TokenCheck = ({ token }: { token: string }) => {
  const described = useUnsubscribeToken(token);
  if (described.isPending) {
    return (
      <div className="app-center">
        <Spinner size="lg" label="Checking your link" />
      </div>
    );
  }
  if (isRefusedToken(described.error)) return <RefusedLink error={described.error} />;
  if (described.isError) {
    return (
      <AuthCard title="Unsubscribe" lead="Chorus could not check your link just now.">
        <ErrorState
          compact
          title="Couldn't check the link"
          detail={describeError(described.error)}
          onRetry={() => void described.refetch()}
          retrying={described.isFetching}
        />
      </AuthCard>
    );
  }
  return <Confirm token={token} view={described.data} />;
};

/**
 * `/unsubscribe?token=…`: the link in an email's footer. Public, the token is the only credential.
 * Opening it changes nothing (mail scanners follow links): only the button unsubscribes.
 */
const UnsubscribePage = () => {
  const token = useSearchParam('token');
  if (!token) {
    return (
      <AuthCard
        title="Open the link from your email"
        lead="This page needs the whole unsubscribe link from the bottom of a Chorus email. Open that link again, or sign in and choose which emails you get in your settings."
      >
        <SettingsLink />
      </AuthCard>
    );
  }
  return <TokenCheck token={token} />;
};

export default UnsubscribePage;
