import type { TReassignAllRequest, TReassignAllResult } from '@qianke/contracts/assignment';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { distributionQueryKey } from './get-queue';

export const reassignAll = (body: TReassignAllRequest): Promise<TReassignAllResult> =>
  apiClient.post<TReassignAllResult>('/leads/reassign-all', body);

/** A departing colleague's leads, tasks and customers to another, in one action. */
export const useReassignAll = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: reassignAll,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: distributionQueryKey }),
  });
};
