import type { TCatalogConfiguration } from '@qianke/contracts/vehicles';
import { useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';

export const getCatalogOptions = (signal?: AbortSignal): Promise<{ items: TCatalogConfiguration[] }> =>
  apiClient.get<{ items: TCatalogConfiguration[] }>('/vehicles/catalog', { signal });

/** Configurations and colours, to order a car that is not in stock. */
export const useCatalogOptions = (enabled: boolean) =>
  useQuery({
    queryKey: ['vehicles', 'catalog'],
    queryFn: ({ signal }) => getCatalogOptions(signal),
    enabled,
    staleTime: 300_000,
  });
