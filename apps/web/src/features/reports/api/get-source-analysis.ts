import type { TReportFilterInput } from '@qianke/contracts/reports/filter';
import type { TSourceAnalysisReport } from '@qianke/contracts/reports/source-analysis';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';

export const getSourceAnalysis = (
  query: TReportFilterInput,
  signal?: AbortSignal,
): Promise<TSourceAnalysisReport> =>
  apiClient.get<TSourceAnalysisReport>('/reports/sources', { query, signal });

/** Leads, visits and orders per source for the filter, with the previous period. */
export const useSourceAnalysis = (query: TReportFilterInput) =>
  useQuery({
    queryKey: ['reports', 'sources', query],
    queryFn: ({ signal }) => getSourceAnalysis(query, signal),
    placeholderData: keepPreviousData,
  });
