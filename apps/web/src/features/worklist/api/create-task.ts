import type { TCreateTaskRequest, TTask } from '@qianke/contracts/follow-ups';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { tasksQueryKey } from './get-tasks';

export const createTask = (body: TCreateTaskRequest): Promise<TTask> => apiClient.post<TTask>('/tasks', body);

/** Plans a custom task. */
export const useCreateTask = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createTask,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tasksQueryKey }),
  });
};
