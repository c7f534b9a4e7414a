import type { TCustomer } from '@qianke/contracts/customers';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { customerQueryKey } from './get-customer';
import { customersQueryKey } from './get-customers';

export const promoteToFleet = (id: string, version: number): Promise<TCustomer> =>
  apiClient.post<TCustomer>(`/customers/${encodeURIComponent(id)}/fleet`, { version });

export const usePromoteToFleet = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) => promoteToFleet(id, version),
    onSuccess: (customer) => {
      queryClient.setQueryData(customerQueryKey(customer.id), customer);
      return queryClient.invalidateQueries({ queryKey: customersQueryKey });
    },
  });
};
