import type { TCustomerTimeline } from '@qianke/contracts/customers';
import { useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { customersQueryKey } from './get-customers';

export const customerTimelineQueryKey = (id: string) => [...customersQueryKey, 'timeline', id] as const;

export const getCustomerTimeline = (id: string, signal?: AbortSignal): Promise<TCustomerTimeline> =>
  apiClient.get<TCustomerTimeline>(`/customers/${encodeURIComponent(id)}/timeline`, { signal });

export const useCustomerTimeline = (id: string) =>
  useQuery({
    queryKey: customerTimelineQueryKey(id),
    queryFn: ({ signal }) => getCustomerTimeline(id, signal),
    staleTime: 0,
  });
