import type { TCreateDefeatRequest, TDefeatRequest } from '@qianke/contracts/defeat';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { defeatQueryKey } from './get-reasons';

export const requestDefeat = (leadId: string, body: TCreateDefeatRequest): Promise<TDefeatRequest> =>
  apiClient.post<TDefeatRequest>(`/leads/${encodeURIComponent(leadId)}/defeat-requests`, body);

/** Asks the sales manager to close a lead as lost. */
export const useRequestDefeat = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ leadId, body }: { leadId: string; body: TCreateDefeatRequest }) =>
      requestDefeat(leadId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: defeatQueryKey }),
  });
};
