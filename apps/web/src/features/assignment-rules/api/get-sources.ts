import type { TSourceTree } from '@qianke/contracts/sources';
import { useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';

export const getSources = (signal?: AbortSignal): Promise<TSourceTree> =>
  apiClient.get<TSourceTree>('/sources', { signal });

/** The store's source tree, for the sources a rule matches. */
export const useSources = () =>
  useQuery({
    queryKey: ['assignment-rules', 'sources'] as const,
    queryFn: ({ signal }) => getSources(signal),
  });
