import type { TDefeatRequestList } from '@qianke/contracts/defeat';
import { useInfiniteQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { defeatQueryKey } from './get-reasons';

export type RequestsFilter = { status?: 'pending' | 'approved' | 'rejected' | undefined };

export const requestsQueryKey = (filter: RequestsFilter) => [...defeatQueryKey, 'requests', filter] as const;

export const getRequests = (
  filter: RequestsFilter,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<TDefeatRequestList> =>
  apiClient.get<TDefeatRequestList>('/defeat-requests', { query: { ...filter, cursor, limit: 50 }, signal });

/** Defeat requests: a manager's whole store, everyone else their own; pending ones oldest first. */
export const useRequests = (filter: RequestsFilter) =>
  useInfiniteQuery({
    queryKey: requestsQueryKey(filter),
    queryFn: ({ pageParam, signal }) => getRequests(filter, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
