import type { TInvitation, TInvitationInput } from '@qianke/contracts/dcc';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { invitationsQueryKey } from './get-invitations';

export const reinvite = (id: string, body: TInvitationInput): Promise<TInvitation> =>
  apiClient.post<TInvitation>(`/invitations/${encodeURIComponent(id)}/reinvite`, body);

export const useReinvite = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: TInvitationInput }) => reinvite(id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationsQueryKey }),
  });
};
