import type { TTaskList } from '@qianke/contracts/follow-ups';
import { type InfiniteData, useInfiniteQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';

export type DueGroup = 'overdue' | 'today' | 'upcoming';

export type TasksParams = {
  scope: 'mine' | 'store';
  due: DueGroup;
  assigneeId?: string | undefined;
  limit: number;
};

/** Every query of the worklist starts with this key: logging a result refreshes them all. */
export const tasksQueryKey = ['tasks'] as const;
export const tasksListQueryKey = (params: TasksParams) => [...tasksQueryKey, 'list', params] as const;

export const getTasks = (
  params: TasksParams & { cursor?: string },
  signal?: AbortSignal,
): Promise<TTaskList> => apiClient.get<TTaskList>('/tasks', { query: { status: 'open', ...params }, signal });

/** One due group of open tasks, page after page ("load more"). */
export const useTasks = (params: TasksParams) =>
  useInfiniteQuery<
    TTaskList,
    Error,
    InfiniteData<TTaskList>,
    ReturnType<typeof tasksListQueryKey>,
    string | null
  >({
    queryKey: tasksListQueryKey(params),
    queryFn: ({ pageParam, signal }) =>
      getTasks({ ...params, ...(pageParam ? { cursor: pageParam } : {}) }, signal),
    initialPageParam: null,
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: 60_000,
  });
