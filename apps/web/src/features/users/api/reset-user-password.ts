import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { usersQueryKey } from './get-users';

/** An administrator sets a new password; the user must change it at the next login. */
export const resetUserPassword = (userId: string, newPassword: string): Promise<{ ok: true }> =>
  apiClient.post<{ ok: true }>(`/users/${encodeURIComponent(userId)}/password`, { newPassword });

export const useResetUserPassword = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, newPassword }: { userId: string; newPassword: string }) =>
      resetUserPassword(userId, newPassword),
    // The list shows "must change password": refresh it.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersQueryKey }),
  });
};
