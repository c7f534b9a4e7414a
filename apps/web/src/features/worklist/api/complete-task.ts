import type { TCompleteTaskRequest, TTaskCompleted } from '@qianke/contracts/follow-ups';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { tasksQueryKey } from './get-tasks';

export const completeTask = (taskId: string, body: TCompleteTaskRequest): Promise<TTaskCompleted> =>
  apiClient.post<TTaskCompleted>(`/tasks/${encodeURIComponent(taskId)}/done`, body);

/** Completes a task that has no lead (a reminder): its result is required all the same. */
export const useCompleteTask = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ taskId, body }: { taskId: string; body: TCompleteTaskRequest }) =>
      completeTask(taskId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tasksQueryKey }),
  });
};
