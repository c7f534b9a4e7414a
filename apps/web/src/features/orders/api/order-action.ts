import type { TOrder } from '@qianke/contracts/orders';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';

/** The order's actions: POST /orders/:id/<action> with the version read. */
export type OrderActionName = 'confirm' | 'deposit' | 'cancel' | 'deliver';

export const postOrderAction = (
  id: string,
  action: OrderActionName,
  body: Record<string, unknown>,
): Promise<TOrder> => apiClient.post<TOrder>(`/orders/${encodeURIComponent(id)}/${action}`, body);

/** One mutation per action; every list, the stock and the customer's timeline are refreshed after it. */
export const useOrderAction = (action: OrderActionName) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: Record<string, unknown> }) =>
      postOrderAction(id, action, body),
    onSuccess: () => queryClient.invalidateQueries(),
  });
};
