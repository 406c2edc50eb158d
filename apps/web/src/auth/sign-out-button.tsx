import { Button } from '@chorus/ui';
import { useMutation } from '@tanstack/react-query';
import { SignOutIcon } from '../icons';
import { signOut } from './auth-api';

/** Ends the session on the server first (a token is only forgotten): that may take a moment. */
export const SignOutButton = () => {
  const signOutMutation = useMutation({ mutationFn: signOut });
  return (
    <Button
      variant="ghost"
      size="sm"
      icon={<SignOutIcon />}
      loading={signOutMutation.isPending}
      onClick={() => signOutMutation.mutate()}
    >
      Sign out
    </Button>
  );
};
