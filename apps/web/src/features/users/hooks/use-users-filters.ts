import { isRole } from '@qianke/core/accounts/roles';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { SortOrder, UserSortField, UserStatusFilter, UsersListParams } from '../api/get-users';

const STATUSES: readonly UserStatusFilter[] = ['active', 'disabled', 'all'];
const SORTS: readonly UserSortField[] = ['username', 'displayName', 'createdAt', 'lastLoginAt'];
const PAGE_SIZES = [10, 20, 50, 100] as const;

export const DEFAULT_USERS_FILTERS: UsersListParams = {
  status: 'active',
  sort: 'username',
  order: 'asc',
  page: 1,
  pageSize: 20,
};

const oneOf = <T extends string>(value: string | null, allowed: readonly T[], fallback: T): T =>
  allowed.includes(value as T) ? (value as T) : fallback;

const positiveInt = (value: string | null, fallback: number): number => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

export const parseUsersFilters = (params: URLSearchParams): UsersListParams => {
  const q = params.get('q')?.trim();
  const role = params.get('role');
  const pageSize = positiveInt(params.get('pageSize'), DEFAULT_USERS_FILTERS.pageSize);
  return {
    q: q || undefined,
    role: role && isRole(role) ? role : undefined,
    status: oneOf(params.get('status'), STATUSES, DEFAULT_USERS_FILTERS.status),
    sort: oneOf(params.get('sort'), SORTS, DEFAULT_USERS_FILTERS.sort),
    order: oneOf<SortOrder>(params.get('order'), ['asc', 'desc'], DEFAULT_USERS_FILTERS.order),
    page: positiveInt(params.get('page'), DEFAULT_USERS_FILTERS.page),
    pageSize: (PAGE_SIZES as readonly number[]).includes(pageSize)
      ? pageSize
      : DEFAULT_USERS_FILTERS.pageSize,
  };
};

/** Only what differs from the defaults goes into the address, so links stay short and shareable. */
export const serialiseUsersFilters = (filters: UsersListParams): URLSearchParams => {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  if (filters.role) params.set('role', filters.role);
  for (const key of ['status', 'sort', 'order', 'page', 'pageSize'] as const) {
    if (filters[key] !== DEFAULT_USERS_FILTERS[key]) params.set(key, String(filters[key]));
  }
  return params;
};

/** Search, filters, sort and page of the users table, kept in the address bar (back button, reload). */
export const useUsersFilters = () => {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => parseUsersFilters(searchParams), [searchParams]);
  const update = useCallback(
    (patch: Partial<UsersListParams>) => {
      setSearchParams((current) => serialiseUsersFilters({ ...parseUsersFilters(current), ...patch }), {
        replace: true,
      });
    },
    [setSearchParams],
  );
  return { filters, update, pageSizes: PAGE_SIZES };
};
