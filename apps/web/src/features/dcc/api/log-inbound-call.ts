import type { TInboundCallLogged, TInboundCallRequest } from '@qianke/contracts/dcc';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { dccQueryKey } from './get-call-list';

export const logInboundCall = (body: TInboundCallRequest): Promise<TInboundCallLogged> =>
  apiClient.post<TInboundCallLogged>('/dcc/inbound-calls', body);

/** Logs an inbound call; an unknown caller can be captured as a new lead. */
export const useLogInboundCall = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logInboundCall,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: dccQueryKey }),
  });
};
