import type { TReportFilterInput } from '@qianke/contracts/reports/filter';
import type { TProgressReport } from '@qianke/contracts/reports/progress';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';

export const getProgress = (query: TReportFilterInput, signal?: AbortSignal): Promise<TProgressReport> =>
  apiClient.get<TProgressReport>('/reports/progress', { query, signal });

/** The intention customer progress table of the filter's month. */
export const useProgress = (query: TReportFilterInput) =>
  useQuery({
    queryKey: ['reports', 'progress', query],
    queryFn: ({ signal }) => getProgress(query, signal),
    placeholderData: keepPreviousData,
  });
