import type { SingleSignOnInput, SingleSignOnView } from '@chorus/domain/client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getJson, sendJson } from '../api/request';

// Single sign-on settings (admins). The connection is written in the command's own transaction,
// so the answer of a save is what a read would say; the client secret never comes back.

const SSO_PATH = '/sso';

export const fetchSso = async (signal?: AbortSignal): Promise<SingleSignOnView> =>
  getJson<SingleSignOnView>(SSO_PATH, signal);

export const saveSso = async (input: SingleSignOnInput): Promise<SingleSignOnView> =>
  sendJson<SingleSignOnView>(SSO_PATH, 'PUT', input);

export const ssoKey = ['sso'] as const;

export const useSso = () =>
  useQuery({
    queryKey: ssoKey,
    queryFn: ({ signal }) => fetchSso(signal),
  });

export const useSaveSso = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveSso,
    onSuccess: async (view) => {
      await queryClient.cancelQueries({ queryKey: ssoKey, exact: true });
      queryClient.setQueryData(ssoKey, view);
    },
  });
};
