import { useMutation } from '@tanstack/react-query';
import { apiClient, isApiError } from '@/lib/api-client';

export const logout = (): Promise<{ ok: true }> => apiClient.post<{ ok: true }>('/auth/logout');

type UseLogoutOptions = {
  /**
   * Runs once the session is gone (also when it had already ended: 401). The caller leaves the page and
   * forgets the user; given here rather than to `mutate`, so it runs even if the caller unmounts first.
   */
  onLoggedOut: () => void;
  onError: (error: unknown) => void;
};

export const useLogout = ({ onLoggedOut, onError }: UseLogoutOptions) =>
  useMutation({
    mutationFn: async () => {
      try {
        await logout();
      } catch (error) {
        if (!(isApiError(error) && error.status === 401)) throw error;
      }
    },
    onSuccess: onLoggedOut,
    onError,
  });
