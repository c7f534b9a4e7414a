import type { TUser } from '@qianke/contracts/accounts';
import { useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';

export type StoreUsers = { items: TUser[]; total: number };

export const getStoreUsers = (signal?: AbortSignal): Promise<StoreUsers> =>
  apiClient.get<StoreUsers>('/users', { query: { status: 'all', pageSize: 200 }, signal });

/** The staff of the store, for a rule's pool (only those who can take leads are offered). */
export const useStoreUsers = () =>
  useQuery({
    queryKey: ['assignment-rules', 'users'] as const,
    queryFn: ({ signal }) => getStoreUsers(signal),
  });
