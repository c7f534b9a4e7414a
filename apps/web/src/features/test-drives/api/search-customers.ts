import type { TCustomerList } from '@qianke/contracts/customers';
import { useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { testDrivesQueryKey } from './get-demo-cars';

export type CustomerOption = { id: string; name: string; cardNo: string };

/** Customers the caller may see whose name, card number or phone matches, for the booking form. */
export const searchCustomers = async (q: string, signal?: AbortSignal): Promise<CustomerOption[]> => {
  const list = await apiClient.get<TCustomerList>(`/customers?limit=20&q=${encodeURIComponent(q)}`, {
    signal,
  });
  return list.items.map((item) => ({ id: item.id, name: item.name, cardNo: item.cardNo }));
};

export const useCustomerSearch = (q: string, enabled: boolean) =>
  useQuery({
    queryKey: [...testDrivesQueryKey, 'customer-search', q],
    queryFn: ({ signal }) => searchCustomers(q, signal),
    enabled: enabled && q.length > 0,
  });
