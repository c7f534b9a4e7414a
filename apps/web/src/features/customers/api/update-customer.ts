import type { TCustomer, TUpdateCustomerRequest } from '@qianke/contracts/customers';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { customerQueryKey } from './get-customer';
import { customersQueryKey } from './get-customers';

export const updateCustomer = (id: string, body: TUpdateCustomerRequest): Promise<TCustomer> =>
  apiClient.patch<TCustomer>(`/customers/${encodeURIComponent(id)}`, body);

export const useUpdateCustomer = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: TUpdateCustomerRequest }) => updateCustomer(id, body),
    onSuccess: (customer) => {
      queryClient.setQueryData(customerQueryKey(customer.id), customer);
      return queryClient.invalidateQueries({ queryKey: customersQueryKey });
    },
  });
};
