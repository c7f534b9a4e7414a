import type { TCreateApiKeyRequest, TCreatedApiKey } from '@qianke/contracts/intake';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { apiKeysQueryKey } from './get-api-keys';

/** The answer holds the whole key: the only time it is ever shown. */
export const createApiKey = (body: TCreateApiKeyRequest): Promise<TCreatedApiKey> =>
  apiClient.post<TCreatedApiKey>('/api-keys', body);

export const useCreateApiKey = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createApiKey,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeysQueryKey }),
  });
};
