import type { TAssignLeadsRequest, TAssignLeadsResult } from '@qianke/contracts/assignment';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { distributionQueryKey } from './get-queue';

export const assignLeads = (body: TAssignLeadsRequest): Promise<TAssignLeadsResult> =>
  apiClient.post<TAssignLeadsResult>('/leads/assign', body);

/** Assigns or reassigns leads; the queue and everyone's open-lead counts refresh afterwards. */
export const useAssignLeads = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: assignLeads,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: distributionQueryKey }),
  });
};
