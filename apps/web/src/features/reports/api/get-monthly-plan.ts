import type { TReportFilterInput } from '@qianke/contracts/reports/filter';
import type { TMonthlyPlan } from '@qianke/contracts/reports/monthly-plan';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';

export const getMonthlyPlan = (query: TReportFilterInput, signal?: AbortSignal): Promise<TMonthlyPlan> =>
  apiClient.get<TMonthlyPlan>('/reports/monthly-plan', { query, signal });

/** The monthly sales activity plan of the filter's month. */
export const useMonthlyPlan = (query: TReportFilterInput) =>
  useQuery({
    queryKey: ['reports', 'monthly-plan', query],
    queryFn: ({ signal }) => getMonthlyPlan(query, signal),
    placeholderData: keepPreviousData,
  });
