import type { TUser } from '@qianke/contracts/accounts';
import type { Role } from '@qianke/core/accounts/roles';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';

export type UserStatusFilter = 'active' | 'disabled' | 'all';
export type UserSortField = 'username' | 'displayName' | 'createdAt' | 'lastLoginAt';
export type SortOrder = 'asc' | 'desc';

export type UsersListParams = {
  q?: string | undefined;
  role?: Role | undefined;
  status: UserStatusFilter;
  sort: UserSortField;
  order: SortOrder;
  page: number;
  pageSize: number;
};

export type UserList = { items: TUser[]; total: number };

/** Every query of this feature starts with this key, so one invalidation refreshes lists and details. */
export const usersQueryKey = ['users'] as const;
export const usersListQueryKey = (params: UsersListParams) => [...usersQueryKey, 'list', params] as const;

export const getUsers = (params: UsersListParams, signal?: AbortSignal): Promise<UserList> =>
  apiClient.get<UserList>('/users', { query: params, signal });

export const useUsers = (params: UsersListParams, options: { enabled?: boolean } = {}) =>
  useQuery({
    queryKey: usersListQueryKey(params),
    queryFn: ({ signal }) => getUsers(params, signal),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
