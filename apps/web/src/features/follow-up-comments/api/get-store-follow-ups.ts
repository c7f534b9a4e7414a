import type { TStoreFollowUpList } from '@qianke/contracts/notifications';
import { type InfiniteData, useInfiniteQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';

export type ReviewFilters = {
  userId?: string | undefined;
  /** Days in the store's calendar, YYYY-MM-DD, both included. */
  from?: string | undefined;
  to?: string | undefined;
};

/** Every query of the review page starts with this key: a new comment refreshes the counts. */
export const reviewQueryKey = ['follow-up-review'] as const;
export const storeFollowUpsQueryKey = (filters: ReviewFilters) =>
  [...reviewQueryKey, 'list', filters] as const;

const PAGE_SIZE = 20;

export const getStoreFollowUps = (
  filters: ReviewFilters & { cursor?: string },
  signal?: AbortSignal,
): Promise<TStoreFollowUpList> =>
  apiClient.get<TStoreFollowUpList>('/follow-ups', {
    query: { scope: 'store', limit: PAGE_SIZE, ...filters },
    signal,
  });

/** The store's follow-ups, newest first, page after page ("load more"). */
export const useStoreFollowUps = (filters: ReviewFilters) =>
  useInfiniteQuery<
    TStoreFollowUpList,
    Error,
    InfiniteData<TStoreFollowUpList>,
    ReturnType<typeof storeFollowUpsQueryKey>,
    string | null
  >({
    queryKey: storeFollowUpsQueryKey(filters),
    queryFn: ({ pageParam, signal }) =>
      getStoreFollowUps({ ...filters, ...(pageParam ? { cursor: pageParam } : {}) }, signal),
    initialPageParam: null,
    getNextPageParam: (last) => last.nextCursor,
  });
