import type { TFunnelQueryInput, TFunnelReport } from '@qianke/contracts/reports/funnel';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';

export const getFunnel = (query: TFunnelQueryInput, signal?: AbortSignal): Promise<TFunnelReport> =>
  apiClient.get<TFunnelReport>('/reports/funnel', { query, signal });

/** The sales funnel for the filter, with the previous period. */
export const useFunnel = (query: TFunnelQueryInput) =>
  useQuery({
    queryKey: ['reports', 'funnel', query],
    queryFn: ({ signal }) => getFunnel(query, signal),
    placeholderData: keepPreviousData,
  });
