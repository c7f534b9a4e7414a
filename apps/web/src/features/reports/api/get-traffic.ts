import type { TReportFilterInput } from '@qianke/contracts/reports/filter';
import type { TTrafficReport } from '@qianke/contracts/reports/traffic';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';

export const getTraffic = (query: TReportFilterInput, signal?: AbortSignal): Promise<TTrafficReport> =>
  apiClient.get<TTrafficReport>('/reports/traffic', { query, signal });

/** Showroom traffic for the filter, with the previous period. */
export const useTraffic = (query: TReportFilterInput) =>
  useQuery({
    queryKey: ['reports', 'traffic', query],
    queryFn: ({ signal }) => getTraffic(query, signal),
    placeholderData: keepPreviousData,
  });
