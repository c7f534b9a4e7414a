import type { TCreateOrderRequest, TOrder } from '@qianke/contracts/orders';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';

export const createOrder = (body: TCreateOrderRequest): Promise<TOrder> =>
  apiClient.post<TOrder>('/orders', body);

export const useCreateOrder = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createOrder,
    // Orders, the stock (a car is reserved) and the customer's card and timeline change.
    onSuccess: () => queryClient.invalidateQueries(),
  });
};
