import type { TDistributionQueue } from '@qianke/contracts/assignment';
import { useInfiniteQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';

/** Every query of this feature starts with this key, so one invalidation refreshes the whole page. */
export const distributionQueryKey = ['distribution'] as const;
export const queueQueryKey = [...distributionQueryKey, 'queue'] as const;

const PAGE_SIZE = 50;

export const getQueue = (cursor: string | null, signal?: AbortSignal): Promise<TDistributionQueue> =>
  apiClient.get<TDistributionQueue>('/distribution/queue', {
    query: { limit: PAGE_SIZE, cursor },
    signal,
  });

/** The distribution queue, oldest first, a page at a time; refreshed every minute as leads arrive. */
export const useQueue = () =>
  useInfiniteQuery({
    queryKey: queueQueryKey,
    queryFn: ({ pageParam, signal }) => getQueue(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: 60_000,
  });
