import type { TMe } from '@qianke/contracts/auth';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { meQueryKey } from './get-me';

export const switchStore = (storeId: string): Promise<TMe> => apiClient.post<TMe>('/me/store', { storeId });

export const useSwitchStore = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: switchStore,
    onSuccess: (me) => {
      queryClient.setQueryData(meQueryKey, me);
    },
  });
};
