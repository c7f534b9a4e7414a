import type { TCaptureResult, TNewLead } from '@qianke/contracts/customers';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { customersQueryKey } from './get-customers';

/** Adds an inquiry to a customer the store already has; it goes to that customer's owner. */
export const addCustomerLead = (customerId: string, body: TNewLead): Promise<TCaptureResult> =>
  apiClient.post<TCaptureResult>(`/customers/${encodeURIComponent(customerId)}/leads`, body);

export const useAddCustomerLead = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ customerId, lead }: { customerId: string; lead: TNewLead }) =>
      addCustomerLead(customerId, lead),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: customersQueryKey }),
  });
};
