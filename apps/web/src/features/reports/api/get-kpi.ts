import type { TReportFilterInput } from '@qianke/contracts/reports/filter';
import type { TKpiReport } from '@qianke/contracts/reports/kpi';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';

export const getKpi = (query: TReportFilterInput, signal?: AbortSignal): Promise<TKpiReport> =>
  apiClient.get<TKpiReport>('/reports/kpi', { query, signal });

/** The KPI dashboard of the filter's month. */
export const useKpi = (query: TReportFilterInput) =>
  useQuery({
    queryKey: ['reports', 'kpi', query],
    queryFn: ({ signal }) => getKpi(query, signal),
    placeholderData: keepPreviousData,
  });
