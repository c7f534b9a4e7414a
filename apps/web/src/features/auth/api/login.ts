import type { TLoginRequest, TMe } from '@qianke/contracts/auth';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { meQueryKey } from './get-me';

export const login = (body: TLoginRequest): Promise<TMe> => apiClient.post<TMe>('/auth/login', body);

type UseLoginOptions = {
  /** Runs just before the new session is stored (which takes the login page away): e.g. drop old caches. */
  onLoggedIn?: (me: TMe) => void;
};

export const useLogin = ({ onLoggedIn }: UseLoginOptions = {}) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (me) => {
      onLoggedIn?.(me);
      queryClient.setQueryData(meQueryKey, me);
    },
  });
};
