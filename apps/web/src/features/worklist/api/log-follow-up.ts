import type { TFollowUpLogged, TLogFollowUpRequest } from '@qianke/contracts/follow-ups';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { followUpsQueryKey } from './get-follow-ups';
import { tasksQueryKey } from './get-tasks';

export const logFollowUp = (leadId: string, body: TLogFollowUpRequest): Promise<TFollowUpLogged> =>
  apiClient.post<TFollowUpLogged>(`/leads/${encodeURIComponent(leadId)}/follow-ups`, body);

/** Logs a result: the task is done, the level may change, and the next task is planned. */
export const useLogFollowUp = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ leadId, body }: { leadId: string; body: TLogFollowUpRequest }) =>
      logFollowUp(leadId, body),
    onSuccess: (_logged, { leadId }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: tasksQueryKey }),
        queryClient.invalidateQueries({ queryKey: followUpsQueryKey(leadId) }),
      ]),
  });
};
