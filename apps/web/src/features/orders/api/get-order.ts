import type { TOrder } from '@qianke/contracts/orders';
import { useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { ordersQueryKey } from './get-orders';

export const orderQueryKey = (id: string) => [...ordersQueryKey, 'one', id] as const;

export const getOrder = (id: string, signal?: AbortSignal): Promise<TOrder> =>
  apiClient.get<TOrder>(`/orders/${encodeURIComponent(id)}`, { signal });

export const useOrder = (id: string) =>
  useQuery({
    queryKey: orderQueryKey(id),
    queryFn: ({ signal }) => getOrder(id, signal),
    enabled: id !== '',
  });
