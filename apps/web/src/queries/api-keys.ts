import type {
  ApiKeyList,
  ApiKeyView,
  CreateApiKeyInput,
  CreatedApiKey,
} from '@chorus/domain/client';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { enc, getJson, sendJson } from '../api/request';
import { settle } from '../sprints/settle';

// API keys (admins only). The secret comes once, in the answer to a create, and is never cached.

const API_KEYS_PATH = '/api-keys';

export const fetchApiKeys = async (signal?: AbortSignal): Promise<ApiKeyList> =>
  getJson<ApiKeyList>(API_KEYS_PATH, signal);

export const createApiKey = async (input: CreateApiKeyInput): Promise<CreatedApiKey> =>
  sendJson<CreatedApiKey>(API_KEYS_PATH, 'POST', input);

export const revokeApiKey = async (id: string): Promise<ApiKeyView> =>
  sendJson<ApiKeyView>(`${API_KEYS_PATH}/${enc(id)}`, 'DELETE');

export const apiKeysKey = ['api-keys'] as const;

export const useApiKeys = () =>
  useQuery({
    queryKey: apiKeysKey,
    queryFn: ({ signal }) => fetchApiKeys(signal),
  });

/**
 * A command's answer goes into the cached list at once (a new key first, as the list is newest
 * first); the list is then read again until it shows the change too.
 */
const adopt = async (
  queryClient: QueryClient,
  view: ApiKeyView,
  isFresh: (list: ApiKeyList) => boolean,
) => {
  await queryClient.cancelQueries({ queryKey: apiKeysKey, exact: true });
  queryClient.setQueryData<ApiKeyList>(apiKeysKey, (list) => {
    if (!list) return list;
    const known = list.items.some((item) => item.id === view.id);
    return {
      items: known
        ? list.items.map((item) => (item.id === view.id ? view : item))
        : [view, ...list.items],
    };
  });
  await settle(queryClient, apiKeysKey, () => fetchApiKeys(), isFresh);
};

export const useCreateApiKey = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createApiKey,
    // The answer holds the secret: forget it as soon as the dialog showing it is gone.
    gcTime: 0,
    onSuccess: (created) => {
      // The list never holds the secret.
      const { key, ...view } = created;
      void adopt(queryClient, view, (list) => list.items.some((item) => item.id === view.id));
    },
  });
};

export const useRevokeApiKey = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeApiKey,
    onSuccess: (revoked) =>
      void adopt(queryClient, revoked, (list) =>
        list.items.some((item) => item.id === revoked.id && item.status === 'revoked'),
      ),
  });
};
