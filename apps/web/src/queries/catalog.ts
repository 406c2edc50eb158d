import { initialCatalog } from '@chorus/domain/client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchCatalog } from '../api/client';
import type { CatalogView } from '../api/types';

export const catalogKey = ['catalog'] as const;

export const useCatalog = () =>
  useQuery({
    queryKey: catalogKey,
    queryFn: ({ signal }) => fetchCatalog(signal),
    staleTime: 60_000,
  });

/** The catalog, or the workspace defaults while it loads (or if it cannot), so screens never wait on it. */
export const useCatalogOrDefault = (): CatalogView => {
  const catalog = useCatalog();
  return catalog.data ?? { ...initialCatalog(), version: 0 };
};

/** Every catalog change answers with the new catalog, which replaces the cached one. */
export const useCatalogChange = <TInput>(change: (input: TInput) => Promise<CatalogView>) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: (catalog) => {
      queryClient.setQueryData(catalogKey, catalog);
      // Status names and colours show on every list row.
      void queryClient.invalidateQueries({ queryKey: ['feedback'] });
    },
  });
};
