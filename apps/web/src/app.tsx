import { Spinner } from '@chorus/ui';
import { lazy, Suspense } from 'react';
import { useLocation } from 'wouter';
import { AdminShell } from './shell/admin-shell';
import { SignInScreen } from './auth/sign-in-screen';
import { useAuth } from './auth/auth-store';

// A workspace's public roadmap and changelog: anyone may open them, signed in or not.
const PublicPages = lazy(() => import('./public/public-pages'));

export const App = () => {
  const { token, notice } = useAuth();
  const [path] = useLocation();
  if (path.startsWith('/p/')) {
    return (
      <Suspense
        fallback={
          <div className="app-center">
            <Spinner size="lg" label="Loading page" />
          </div>
        }
      >
        <PublicPages />
      </Suspense>
    );
  }
  // Keyed by token so nothing from one session's UI state survives into the next.
  return token ? <AdminShell key={token} /> : <SignInScreen notice={notice} />;
};
