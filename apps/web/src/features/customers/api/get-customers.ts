import type { TCustomerList, TListCustomersQuery } from '@qianke/contracts/customers';
import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';

/** Filters and sort of the list; the cursor of each page is added by the infinite query. */
export type CustomersListParams = Omit<TListCustomersQuery, 'cursor' | 'limit'>;

/** Every query of this feature starts with this key, so one invalidation refreshes lists and cards. */
export const customersQueryKey = ['customers'] as const;
export const customersListQueryKey = (params: CustomersListParams) =>
  [...customersQueryKey, 'list', params] as const;

export const PAGE_SIZE = 50;

export const getCustomers = (
  params: CustomersListParams,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<TCustomerList> =>
  apiClient.get<TCustomerList>('/customers', {
    query: { ...params, limit: PAGE_SIZE, cursor },
    signal,
  });

/** The list's pages as a query: what the page reads, and what the app prefetches when it opens on it. */
export const customersListQueryOptions = (params: CustomersListParams) =>
  infiniteQueryOptions({
    queryKey: customersListQueryKey(params),
    queryFn: ({ pageParam, signal }) => getCustomers(params, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });

/** Pages of the list, one "load more" at a time (keyset pagination: each page names the next). */
export const useCustomers = (params: CustomersListParams) =>
  useInfiniteQuery({ ...customersListQueryOptions(params), placeholderData: keepPreviousData });
