import type { TCreateSourceRequest, TSourceNode } from '@qianke/contracts/sources';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { sourcesQueryKey } from './get-sources';

export const createSource = (body: TCreateSourceRequest): Promise<TSourceNode> =>
  apiClient.post<TSourceNode>('/sources', body);

export const useCreateSource = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createSource,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sourcesQueryKey }),
  });
};
