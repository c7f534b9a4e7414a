import type { TEligibleLeadList } from '@qianke/contracts/defeat';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { defeatQueryKey } from './get-reasons';

export const getEligibleLeads = (q: string, signal?: AbortSignal): Promise<TEligibleLeadList> =>
  apiClient.get<TEligibleLeadList>('/defeat-requests/eligible-leads', { query: { q, limit: 20 }, signal });

/** Leads one may ask a defeat for: one's own active leads (a manager: the store's). */
export const useEligibleLeads = (q: string, enabled: boolean) =>
  useQuery({
    queryKey: [...defeatQueryKey, 'eligible', q] as const,
    queryFn: ({ signal }) => getEligibleLeads(q, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
