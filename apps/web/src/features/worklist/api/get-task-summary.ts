import type { TTaskSummary } from '@qianke/contracts/follow-ups';
import { useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { tasksQueryKey } from './get-tasks';

export type TaskSummaryParams = { scope: 'mine' | 'store'; assigneeId?: string | undefined };

export const getTaskSummary = (params: TaskSummaryParams, signal?: AbortSignal): Promise<TTaskSummary> =>
  apiClient.get<TTaskSummary>('/tasks/summary', { query: params, signal });

/** Open tasks counted as overdue, due today and upcoming (and per user for the store). */
export const useTaskSummary = (params: TaskSummaryParams) =>
  useQuery({
    queryKey: [...tasksQueryKey, 'summary', params] as const,
    queryFn: ({ signal }) => getTaskSummary(params, signal),
    refetchInterval: 60_000,
  });
