import type { TApiKeyList } from '@qianke/contracts/intake';
import { useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';

/** Every query of this feature starts with this key, so one invalidation refreshes the list. */
export const apiKeysQueryKey = ['api-keys'] as const;

export const getApiKeys = (signal?: AbortSignal): Promise<TApiKeyList> =>
  apiClient.get<TApiKeyList>('/api-keys', { signal });

export const useApiKeys = () =>
  useQuery({ queryKey: apiKeysQueryKey, queryFn: ({ signal }) => getApiKeys(signal) });
