import type { TCreateInvitationRequest, TInvitation } from '@qianke/contracts/dcc';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { invitationsQueryKey } from './get-invitations';

export const createInvitation = (body: TCreateInvitationRequest): Promise<TInvitation> =>
  apiClient.post<TInvitation>('/invitations', body);

export const useCreateInvitation = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createInvitation,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationsQueryKey }),
  });
};
