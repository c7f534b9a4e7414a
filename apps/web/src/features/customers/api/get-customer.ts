import type { TCustomer } from '@qianke/contracts/customers';
import { useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { customersQueryKey } from './get-customers';

export const customerQueryKey = (id: string) => [...customersQueryKey, 'detail', id] as const;

export const getCustomer = (id: string, signal?: AbortSignal): Promise<TCustomer> =>
  apiClient.get<TCustomer>(`/customers/${encodeURIComponent(id)}`, { signal });

/** Always read fresh: the version sent back with an edit must be the latest. */
export const useCustomer = (id: string) =>
  useQuery({
    queryKey: customerQueryKey(id),
    queryFn: ({ signal }) => getCustomer(id, signal),
    staleTime: 0,
  });
