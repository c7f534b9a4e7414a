import type { TCreateDefeatReasonRequest, TDefeatReason } from '@qianke/contracts/defeat';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { reasonsQueryKey } from './get-reasons';

export const createReason = (body: TCreateDefeatReasonRequest): Promise<TDefeatReason> =>
  apiClient.post<TDefeatReason>('/defeat-reasons', body);

export const useCreateReason = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createReason,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reasonsQueryKey }),
  });
};
