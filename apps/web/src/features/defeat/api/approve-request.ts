import type { TApproveDefeatRequest, TDefeatRequest } from '@qianke/contracts/defeat';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { defeatQueryKey } from './get-reasons';

export const approveRequest = (requestId: string, body: TApproveDefeatRequest): Promise<TDefeatRequest> =>
  apiClient.post<TDefeatRequest>(`/defeat-requests/${encodeURIComponent(requestId)}/approve`, body);

export const useApproveRequest = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ requestId, body }: { requestId: string; body: TApproveDefeatRequest }) =>
      approveRequest(requestId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: defeatQueryKey }),
  });
};
