import type { PortalSecret, PortalSecretStatus } from '@chorus/domain/client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getJson, sendJson } from '../api/request';

// The portal secret a host application signs its users' sign-in tokens with (admins). The secret
// comes once, in the answer to making it, and is never cached; the status never holds it.

const PORTAL_SECRET_PATH = '/portal/secret';

export const fetchPortalSecretStatus = async (signal?: AbortSignal): Promise<PortalSecretStatus> =>
  getJson<PortalSecretStatus>(PORTAL_SECRET_PATH, signal);

export const makePortalSecret = async (): Promise<PortalSecret> =>
  sendJson<PortalSecret>(PORTAL_SECRET_PATH, 'POST');

export const portalSecretKey = ['portal-secret'] as const;

export const usePortalSecretStatus = () =>
  useQuery({
    queryKey: portalSecretKey,
    queryFn: ({ signal }) => fetchPortalSecretStatus(signal),
  });

export const useMakePortalSecret = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: makePortalSecret,
    // The answer holds the secret: forget it as soon as the dialog showing it is gone.
    gcTime: 0,
    onSuccess: async ({ createdAt }) => {
      await queryClient.cancelQueries({ queryKey: portalSecretKey, exact: true });
      queryClient.setQueryData<PortalSecretStatus>(portalSecretKey, {
        configured: true,
        createdAt,
      });
    },
  });
};
