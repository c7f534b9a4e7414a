import type { TVisitKind, TVisitList } from '@qianke/contracts/showroom';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';

/** Every query of this feature starts with this key, so one invalidation refreshes board, log and rotation. */
export const showroomQueryKey = ['showroom'] as const;

export type VisitsParams = {
  view: 'now' | 'day';
  /** YYYY-MM-DD of the store's calendar; undefined: today. */
  date?: string | undefined;
  kind?: TVisitKind | undefined;
};

export const visitsQueryKey = (params: VisitsParams) => [...showroomQueryKey, 'visits', params] as const;

export const getVisits = (params: VisitsParams, signal?: AbortSignal): Promise<TVisitList> =>
  apiClient.get<TVisitList>('/showroom/visits', { query: params, signal });

/** Other desks log arrivals too: the board and today's log refresh themselves every 30 seconds. */
export const useVisits = (params: VisitsParams, options: { refreshEveryMs?: number } = {}) =>
  useQuery({
    queryKey: visitsQueryKey(params),
    queryFn: ({ signal }) => getVisits(params, signal),
    placeholderData: keepPreviousData,
    refetchInterval: options.refreshEveryMs || false,
    staleTime: 5_000,
  });
