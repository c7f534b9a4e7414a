import type { TSourceNode, TUpdateSourceRequest } from '@qianke/contracts/sources';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { sourcesQueryKey } from './get-sources';

export const updateSource = (id: string, body: TUpdateSourceRequest): Promise<TSourceNode> =>
  apiClient.patch<TSourceNode>(`/sources/${encodeURIComponent(id)}`, body);

export const useUpdateSource = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: TUpdateSourceRequest }) => updateSource(id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sourcesQueryKey }),
  });
};
