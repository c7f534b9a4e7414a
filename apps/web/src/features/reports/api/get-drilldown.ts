import type { TDrilldownPage, TReportFilterInput } from '@qianke/contracts/reports/filter';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';

export type DrilldownTarget = {
  metric: string;
  /** The row of the breakdown (a source, consultant, hour...). */
  key?: string | undefined;
  period?: 'current' | 'previous' | undefined;
  /** Shown as the drawer's title. */
  title: string;
};

export type DrilldownRequest = {
  report: string;
  filter: TReportFilterInput & Record<string, string | number | undefined>;
  target: DrilldownTarget;
  page: number;
  pageSize: number;
};

export const getDrilldown = (request: DrilldownRequest, signal?: AbortSignal): Promise<TDrilldownPage> =>
  apiClient.get<TDrilldownPage>(`/reports/${request.report}/customers`, {
    query: {
      ...request.filter,
      metric: request.target.metric,
      key: request.target.key,
      period: request.target.period,
      page: request.page,
      pageSize: request.pageSize,
    },
    signal,
  });

/** The customers behind one figure of a report, a page at a time. */
export const useDrilldown = (request: DrilldownRequest | undefined) =>
  useQuery({
    queryKey: ['reports', 'drilldown', request],
    queryFn: ({ signal }) => getDrilldown(request as DrilldownRequest, signal),
    enabled: request !== undefined,
    placeholderData: keepPreviousData,
  });
