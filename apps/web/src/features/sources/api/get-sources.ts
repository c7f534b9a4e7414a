import type { TSourceTree } from '@qianke/contracts/sources';
import { useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';

export const sourcesQueryKey = ['sources'] as const;

export const getSources = (signal?: AbortSignal): Promise<TSourceTree> =>
  apiClient.get<TSourceTree>('/sources', { signal });

export const useSources = () =>
  useQuery({ queryKey: sourcesQueryKey, queryFn: ({ signal }) => getSources(signal), staleTime: 0 });
