import type { TUser } from '@qianke/contracts/accounts';
import { useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { usersQueryKey } from './get-users';

export const userQueryKey = (userId: string) => [...usersQueryKey, 'detail', userId] as const;

export const getUser = (userId: string, signal?: AbortSignal): Promise<TUser> =>
  apiClient.get<TUser>(`/users/${encodeURIComponent(userId)}`, { signal });

/** Always read fresh before editing, so the version sent back is the latest one. */
export const useUser = (userId: string | null) =>
  useQuery({
    queryKey: userQueryKey(userId ?? ''),
    queryFn: ({ signal }) => getUser(userId ?? '', signal),
    enabled: userId !== null,
    staleTime: 0,
  });
