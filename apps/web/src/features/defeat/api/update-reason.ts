import type { TDefeatReason, TUpdateDefeatReasonRequest } from '@qianke/contracts/defeat';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { reasonsQueryKey } from './get-reasons';

export const updateReason = (reasonId: string, body: TUpdateDefeatReasonRequest): Promise<TDefeatReason> =>
  apiClient.patch<TDefeatReason>(`/defeat-reasons/${encodeURIComponent(reasonId)}`, body);

export const useUpdateReason = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ reasonId, body }: { reasonId: string; body: TUpdateDefeatReasonRequest }) =>
      updateReason(reasonId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reasonsQueryKey }),
  });
};
