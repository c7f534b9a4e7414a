import type { TCreateUserRequest, TUser } from '@qianke/contracts/accounts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { usersQueryKey } from './get-users';

export const createUser = (body: TCreateUserRequest): Promise<TUser> => apiClient.post<TUser>('/users', body);

export const useCreateUser = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersQueryKey }),
  });
};
