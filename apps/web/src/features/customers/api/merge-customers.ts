import type { TCustomer, TMergeCustomersRequest } from '@qianke/contracts/customers';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { customersQueryKey } from './get-customers';

export const mergeCustomers = (body: TMergeCustomersRequest): Promise<TCustomer> =>
  apiClient.post<TCustomer>('/customers/merge', body);

export const useMergeCustomers = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: mergeCustomers,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: customersQueryKey }),
  });
};
