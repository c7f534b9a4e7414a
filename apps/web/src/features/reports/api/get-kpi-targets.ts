import type { TKpiTargets } from '@qianke/contracts/reports/kpi';
import { useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';

export const getKpiTargets = (month: string, signal?: AbortSignal): Promise<TKpiTargets> =>
  apiClient.get<TKpiTargets>('/kpi-targets', { query: { month }, signal });

/** The month's targets of the store and its consultants (for the manager's form). */
export const useKpiTargets = (month: string, enabled: boolean) =>
  useQuery({
    queryKey: ['kpi-targets', month],
    queryFn: ({ signal }) => getKpiTargets(month, signal),
    enabled,
  });
