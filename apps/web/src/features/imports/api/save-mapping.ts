import type { TImportCounts, TImportMappingRequest } from '@qianke/contracts/imports';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { importQueryKey } from './get-import';

export const saveMapping = (id: string, body: TImportMappingRequest): Promise<TImportCounts> =>
  apiRequest<TImportCounts>(`/imports/${id}/mapping`, { method: 'PUT', body });

/** Saves the mapping; the server checks every row, then the job and its rows are read again. */
export const useSaveMapping = (id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TImportMappingRequest) => saveMapping(id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: importQueryKey(id) }),
  });
};
