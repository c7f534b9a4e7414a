import type { TReportFilterInput } from '@qianke/contracts/reports/filter';
import type { TComplianceReport } from '@qianke/contracts/reports/follow-up-compliance';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';

export const getCompliance = (query: TReportFilterInput, signal?: AbortSignal): Promise<TComplianceReport> =>
  apiClient.get<TComplianceReport>('/reports/follow-up-compliance', { query, signal });

/** Follow-up compliance for the filter, with the previous period. */
export const useCompliance = (query: TReportFilterInput) =>
  useQuery({
    queryKey: ['reports', 'follow-up-compliance', query],
    queryFn: ({ signal }) => getCompliance(query, signal),
    placeholderData: keepPreviousData,
  });
