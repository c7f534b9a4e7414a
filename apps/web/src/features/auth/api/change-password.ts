import type { TChangePasswordRequest } from '@qianke/contracts/auth';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { meQueryKey } from './get-me';

export const changePassword = (body: TChangePasswordRequest): Promise<{ ok: true }> =>
  apiClient.post<{ ok: true }>('/me/password', body);

export const useChangePassword = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    // The server clears mustChangePassword: read /me again so the forced dialog closes.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  });
};
