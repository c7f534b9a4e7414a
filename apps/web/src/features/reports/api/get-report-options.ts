import type { TReportOptions } from '@qianke/contracts/reports/options';
import { useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';

export const getReportOptions = (signal?: AbortSignal): Promise<TReportOptions> =>
  apiClient.get<TReportOptions>('/reports/options', { signal });

/** Stores, consultants, sources, series and campaign codes for the report filter bar. */
export const useReportOptions = () =>
  useQuery({
    queryKey: ['reports', 'options'],
    queryFn: ({ signal }) => getReportOptions(signal),
    staleTime: 5 * 60_000,
  });
