import type { TDccReport } from '@qianke/contracts/reports/dcc';
import type { TReportFilterInput } from '@qianke/contracts/reports/filter';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';

export const getDccReport = (query: TReportFilterInput, signal?: AbortSignal): Promise<TDccReport> =>
  apiClient.get<TDccReport>('/reports/dcc', { query, signal });

/** The DCC report per agent for the filter, with the previous period. */
export const useDccReport = (query: TReportFilterInput) =>
  useQuery({
    queryKey: ['reports', 'dcc', query],
    queryFn: ({ signal }) => getDccReport(query, signal),
    placeholderData: keepPreviousData,
  });
