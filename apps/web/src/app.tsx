import { unsubscribePagePath } from '@chorus/domain/client';
import { Spinner } from '@chorus/ui';
import { lazy, Suspense } from 'react';
import { useLocation } from 'wouter';
import { AdminShell } from './shell/admin-shell';
import { SignInScreen } from './auth/sign-in-screen';
import { credentialKey, INVITATION_PATH, useAuth } from './auth/auth-store';
import { SessionCheck } from './auth/session-check';

// A workspace's customer portal at /p/<slug>: feedback, submitting, voting, "my requests", and
// the public roadmap and changelog anyone may open, signed in or not.
const PortalPages = lazy(() => import('./portal/portal-pages'));
// Where an invited person chooses a password: they have no account yet.
const InvitationPage = lazy(() => import('./auth/invitation-page'));
// Where an email's unsubscribe link leads: the token in it is the only credential.
const UnsubscribePage = lazy(() => import('./unsubscribe/unsubscribe-page'));

const pageLoading = (
  <div className="app-center">
    <Spinner size="lg" label="Loading page" />
  </div>
);

export const App = () => {
  const { credential, checking, notice } = useAuth();
  const [path] = useLocation();
  if (path.startsWith('/p/')) {
    return (
      <Suspense fallback={pageLoading}>
        <PortalPages />
      </Suspense>
    );
  }
  if (path === INVITATION_PATH) {
    return (
      <Suspense fallback={pageLoading}>
        <InvitationPage />
      </Suspense>
    );
  }
  if (path === unsubscribePagePath) {
    return (
      <Suspense fallback={pageLoading}>
        <UnsubscribePage />
      </Suspense>
    );
  }
  if (checking) return <SessionCheck />;
  // Keyed by credential so nothing from one sign-in's UI state survives into the next.
  return credential ? (
    <AdminShell key={credentialKey(credential)} />
  ) : (
    <SignInScreen notice={notice} />
  );
};
