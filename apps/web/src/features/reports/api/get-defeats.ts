import type { TDefeatsReport } from '@qianke/contracts/reports/defeats';
import type { TReportFilterInput } from '@qianke/contracts/reports/filter';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';

export const getDefeats = (query: TReportFilterInput, signal?: AbortSignal): Promise<TDefeatsReport> =>
  apiClient.get<TDefeatsReport>('/reports/defeats', { query, signal });

/** The defeat statistics for the filter, with the previous period. */
export const useDefeats = (query: TReportFilterInput) =>
  useQuery({
    queryKey: ['reports', 'defeats', query],
    queryFn: ({ signal }) => getDefeats(query, signal),
    placeholderData: keepPreviousData,
  });
