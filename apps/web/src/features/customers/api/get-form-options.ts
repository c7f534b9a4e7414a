import type { TCustomerFormOptions } from '@qianke/contracts/customers';
import { useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { customersQueryKey } from './get-customers';

export const getFormOptions = (signal?: AbortSignal): Promise<TCustomerFormOptions> =>
  apiClient.get<TCustomerFormOptions>('/customers/options', { signal });

/** The catalog and the staff who may own customers, for the forms and the list's owner filter. */
export const useFormOptions = () =>
  useQuery({
    queryKey: [...customersQueryKey, 'options'],
    queryFn: ({ signal }) => getFormOptions(signal),
    staleTime: 5 * 60_000,
  });
