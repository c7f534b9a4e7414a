import type { TDefeatRequest, TRejectDefeatRequest } from '@qianke/contracts/defeat';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { defeatQueryKey } from './get-reasons';

export const rejectRequest = (requestId: string, body: TRejectDefeatRequest): Promise<TDefeatRequest> =>
  apiClient.post<TDefeatRequest>(`/defeat-requests/${encodeURIComponent(requestId)}/reject`, body);

export const useRejectRequest = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ requestId, body }: { requestId: string; body: TRejectDefeatRequest }) =>
      rejectRequest(requestId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: defeatQueryKey }),
  });
};
