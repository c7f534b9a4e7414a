import type { TCustomerFormOptions } from '@qianke/contracts/customers';
import { useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { testDrivesQueryKey } from './get-demo-cars';

export type ConsultantOption = { id: string; name: string };

/** The store's active consultants and managers, who can ride along on a test drive. */
export const getConsultants = async (signal?: AbortSignal): Promise<ConsultantOption[]> => {
  const options = await apiClient.get<TCustomerFormOptions>('/customers/options', { signal });
  return options.owners
    .filter((owner) => owner.roles.includes('consultant') || owner.roles.includes('sales_manager'))
    .map((owner) => ({ id: owner.id, name: owner.name }));
};

export const useConsultants = (enabled: boolean) =>
  useQuery({
    queryKey: [...testDrivesQueryKey, 'consultants'],
    queryFn: ({ signal }) => getConsultants(signal),
    enabled,
    staleTime: 60_000,
  });
