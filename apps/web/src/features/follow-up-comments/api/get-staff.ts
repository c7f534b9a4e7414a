import type { TUser } from '@qianke/contracts/accounts';
import { useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';

type StaffList = { items: TUser[]; total: number };

export const staffQueryKey = ['follow-up-review', 'staff'] as const;

export const getStaff = (signal?: AbortSignal): Promise<StaffList> =>
  apiClient.get<StaffList>('/users', { query: { status: 'all', pageSize: 200 }, signal });

/** The store's people, to filter follow-ups by who wrote them (departed staff included). */
export const useStaff = () =>
  useQuery({ queryKey: staffQueryKey, queryFn: ({ signal }) => getStaff(signal), staleTime: 5 * 60_000 });
