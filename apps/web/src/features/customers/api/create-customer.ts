import type { TCreateCustomerRequest, TCustomer } from '@qianke/contracts/customers';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { postCapturing } from './capture-request';
import { customersQueryKey } from './get-customers';

/** Opens a card; a known phone fails with a DuplicateCustomerError naming the existing customer. */
export const createCustomer = (body: TCreateCustomerRequest): Promise<TCustomer> =>
  postCapturing<TCustomer>('/customers', body);

export const useCreateCustomer = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createCustomer,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: customersQueryKey }),
  });
};
