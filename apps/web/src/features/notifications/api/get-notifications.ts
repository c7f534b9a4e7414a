import type { TNotificationList } from '@qianke/contracts/notifications';
import { type InfiniteData, useInfiniteQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';

/** Every query of the bell starts with this key: a live event or "mark read" refreshes them all. */
export const notificationsQueryKey = ['notifications'] as const;

const PAGE_SIZE = 15;

export const getNotifications = (cursor: string | null, signal?: AbortSignal): Promise<TNotificationList> =>
  apiClient.get<TNotificationList>('/notifications', {
    query: { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) },
    signal,
  });

/** Your notifications, newest first, page after page; the first page carries the unread count. */
export const useNotifications = (options: { enabled: boolean }) =>
  useInfiniteQuery<
    TNotificationList,
    Error,
    InfiniteData<TNotificationList>,
    typeof notificationsQueryKey,
    string | null
  >({
    queryKey: notificationsQueryKey,
    queryFn: ({ pageParam, signal }) => getNotifications(pageParam, signal),
    initialPageParam: null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: options.enabled,
    // The stream brings news at once; this only catches up if the stream could not connect.
    refetchInterval: 5 * 60_000,
  });
