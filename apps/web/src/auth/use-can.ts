import { can, type Permission } from '@chorus/domain/client';
import { useCallback } from 'react';
import { useMe } from '../queries/me';

/**
 * What the signed-in person may do, from the one permission matrix the API enforces
 * (docs/permissions.md): pages offer only the controls whose calls would be allowed. Nothing is
 * allowed until it is known who they are.
 */
export const useCan = (): ((permission: Permission) => boolean) => {
  const role = useMe().data?.role;
  return useCallback(
    (permission: Permission) => role !== undefined && can(role, permission),
    [role],
  );
};

/** Who may, in words, for a disabled control's explanation (the API's 403 says the same). */
export { whoCan } from '@chorus/domain/client';
