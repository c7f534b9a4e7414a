import type { TOrderList } from '@qianke/contracts/orders';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';

export const ordersQueryKey = ['orders'] as const;

export type OrdersFilter = {
  status?: 'draft' | 'confirmed' | 'delivered' | 'cancelled' | undefined;
  consultantId?: string | undefined;
  customerId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
};

export const getOrders = (filter: OrdersFilter, signal?: AbortSignal): Promise<TOrderList> =>
  apiClient.get<TOrderList>('/orders', { query: filter, signal });

/** Orders, newest first: a consultant's own, a manager's store. */
export const useOrders = (filter: OrdersFilter) =>
  useQuery({
    queryKey: [...ordersQueryKey, 'list', filter],
    queryFn: ({ signal }) => getOrders(filter, signal),
    placeholderData: keepPreviousData,
  });
