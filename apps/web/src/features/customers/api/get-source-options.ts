import type { TSourceTree } from '@qianke/contracts/sources';
import { useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';

export const getSourceTree = (signal?: AbortSignal): Promise<TSourceTree> =>
  apiClient.get<TSourceTree>('/sources', { signal });

/** The store's source tree, to pick where a lead came from and to filter the list by it. */
export const useSourceTree = () =>
  useQuery({
    queryKey: ['customers', 'sources'],
    queryFn: ({ signal }) => getSourceTree(signal),
    staleTime: 60_000,
  });
