import type { TUpdateUserRequest, TUser } from '@qianke/contracts/accounts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { userQueryKey } from './get-user';
import { usersQueryKey } from './get-users';

export const updateUser = (userId: string, body: TUpdateUserRequest): Promise<TUser> =>
  apiClient.patch<TUser>(`/users/${encodeURIComponent(userId)}`, body);

export const useUpdateUser = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, body }: { userId: string; body: TUpdateUserRequest }) => updateUser(userId, body),
    onSuccess: (user) => {
      queryClient.setQueryData(userQueryKey(user.id), user);
      return queryClient.invalidateQueries({ queryKey: [...usersQueryKey, 'list'] });
    },
  });
};
