import type { TStore } from '@qianke/contracts/stores';
import { useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';

export const storeQueryKey = (storeId: string) => ['stores', 'detail', storeId] as const;

export const getStore = (storeId: string, signal?: AbortSignal): Promise<TStore> =>
  apiClient.get<TStore>(`/stores/${encodeURIComponent(storeId)}`, { signal });

export const useStore = (storeId: string) =>
  useQuery({ queryKey: storeQueryKey(storeId), queryFn: ({ signal }) => getStore(storeId, signal) });
