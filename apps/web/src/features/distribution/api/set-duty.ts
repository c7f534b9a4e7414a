import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { assigneesQueryKey } from './get-assignees';

export type DutyResult = { userId: string; onDuty: boolean };

export const setDuty = (userId: string, onDuty: boolean): Promise<DutyResult> =>
  apiClient.post<DutyResult>(`/users/${encodeURIComponent(userId)}/duty`, { onDuty });

/** On duty today: automatic assignment rotates only among those on duty. */
export const useSetDuty = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, onDuty }: DutyResult) => setDuty(userId, onDuty),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: assigneesQueryKey }),
  });
};
