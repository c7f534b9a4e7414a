import type { TInvitation } from '@qianke/contracts/dcc';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { invitationsQueryKey } from './get-invitations';

export type InvitationMove = 'cancel' | 'no-show';

export const changeInvitation = (id: string, move: InvitationMove, version: number): Promise<TInvitation> =>
  apiClient.post<TInvitation>(`/invitations/${encodeURIComponent(id)}/${move}`, { version });

/** Cancels an invitation or marks it a no-show. */
export const useChangeInvitation = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, move, version }: { id: string; move: InvitationMove; version: number }) =>
      changeInvitation(id, move, version),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationsQueryKey }),
  });
};
