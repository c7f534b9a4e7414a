import type { TOrder, TUpdateOrderRequest } from '@qianke/contracts/orders';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';

/** Changes a draft order: PATCH /orders/:id with the version read (a stale one is a 409). */
export const updateOrder = (id: string, body: TUpdateOrderRequest): Promise<TOrder> =>
  apiClient.patch<TOrder>(`/orders/${encodeURIComponent(id)}`, body);

export const useUpdateOrder = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: TUpdateOrderRequest }) => updateOrder(id, body),
    // Saved or refused as stale: either way the order on screen is re-read.
    onSettled: () => queryClient.invalidateQueries(),
  });
};
