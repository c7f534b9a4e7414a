import type { TCatalogConfiguration } from '@qianke/contracts/vehicles';
import { useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { vehiclesQueryKey } from './get-stock';

export const getCatalog = (signal?: AbortSignal): Promise<{ items: TCatalogConfiguration[] }> =>
  apiClient.get<{ items: TCatalogConfiguration[] }>('/vehicles/catalog', { signal });

/** The store's configurations with their colours, to add a car of. */
export const useCatalog = () =>
  useQuery({
    queryKey: [...vehiclesQueryKey, 'catalog'],
    queryFn: ({ signal }) => getCatalog(signal),
    staleTime: 300_000,
  });
