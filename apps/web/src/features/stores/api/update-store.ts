import type { TStore, TUpdateStoreRequest } from '@qianke/contracts/stores';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { storeQueryKey } from './get-store';

export const updateStore = (storeId: string, body: TUpdateStoreRequest): Promise<TStore> =>
  apiClient.patch<TStore>(`/stores/${encodeURIComponent(storeId)}`, body);

export const useUpdateStore = (storeId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TUpdateStoreRequest) => updateStore(storeId, body),
    onSuccess: (store) => {
      queryClient.setQueryData(storeQueryKey(storeId), store);
    },
  });
};
