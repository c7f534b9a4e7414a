import type { TMe } from '@qianke/contracts/auth';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, isApiError } from '@/lib/api-client';

export const meQueryKey = ['me'] as const;

/** The logged-in user, their store and permissions; null when nobody is logged in (401). */
export const getMe = async (signal?: AbortSignal): Promise<TMe | null> => {
  try {
    return await apiClient.get<TMe>('/me', { signal });
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
};

export const meQueryOptions = queryOptions({
  queryKey: meQueryKey,
  queryFn: ({ signal }) => getMe(signal),
  staleTime: 60_000,
});

export const useMe = () => useQuery(meQueryOptions);
