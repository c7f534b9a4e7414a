import type { TLogCallRequest, TLoggedCall } from '@qianke/contracts/dcc';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { dccQueryKey } from './get-call-list';

export const logCall = (body: TLogCallRequest): Promise<TLoggedCall> =>
  apiClient.post<TLoggedCall>('/dcc/calls', body);

/** Logs an outbound call (and the invitation it booked). */
export const useLogCall = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logCall,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: dccQueryKey }),
  });
};
