import { AdminShell } from './shell/admin-shell';
import { SignInScreen } from './auth/sign-in-screen';
import { useAuth } from './auth/auth-store';

export const App = () => {
  const { token, notice } = useAuth();
  // Keyed by token so nothing from one session's UI state survives into the next.
  return token ? <AdminShell key={token} /> : <SignInScreen notice={notice} />;
};
