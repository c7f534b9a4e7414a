import type { TSourceTree } from '@qianke/contracts/sources';
import { useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';

export const getSourceTree = (signal?: AbortSignal): Promise<TSourceTree> =>
  apiClient.get<TSourceTree>('/sources', { signal });

/** The store's source tree, to pick the source of rows that name none. */
export const useSourceTree = () =>
  useQuery({
    queryKey: ['imports', 'sources'],
    queryFn: ({ signal }) => getSourceTree(signal),
    staleTime: 60_000,
  });
