import type { TDailyActivityReport } from '@qianke/contracts/reports/daily-activity';
import type { TReportFilterInput } from '@qianke/contracts/reports/filter';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';

export const getDailyActivity = (
  query: TReportFilterInput,
  signal?: AbortSignal,
): Promise<TDailyActivityReport> =>
  apiClient.get<TDailyActivityReport>('/reports/daily-activity', { query, signal });

/** The consultants' activity on the filter's days. */
export const useDailyActivity = (query: TReportFilterInput) =>
  useQuery({
    queryKey: ['reports', 'daily-activity', query],
    queryFn: ({ signal }) => getDailyActivity(query, signal),
    placeholderData: keepPreviousData,
  });
