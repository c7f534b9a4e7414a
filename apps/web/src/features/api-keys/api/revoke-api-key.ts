import type { TApiKey } from '@qianke/contracts/intake';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { apiKeysQueryKey } from './get-api-keys';

export const revokeApiKey = (keyId: string): Promise<TApiKey> =>
  apiClient.post<TApiKey>(`/api-keys/${encodeURIComponent(keyId)}/revoke`);

export const useRevokeApiKey = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeApiKey,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeysQueryKey }),
  });
};
