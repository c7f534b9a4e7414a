import type { TOrderSheet } from '@qianke/contracts/orders';
import { useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { ordersQueryKey } from './get-orders';

export const getOrderSheet = (id: string, signal?: AbortSignal): Promise<TOrderSheet> =>
  apiClient.get<TOrderSheet>(`/orders/${encodeURIComponent(id)}/sheet`, { signal });

export const useOrderSheet = (id: string) =>
  useQuery({
    queryKey: [...ordersQueryKey, 'sheet', id],
    queryFn: ({ signal }) => getOrderSheet(id, signal),
  });
