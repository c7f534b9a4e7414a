import type { TImportJob } from '@qianke/contracts/imports';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { importQueryKey } from './get-import';
import { importsQueryKey } from './get-imports';

export const runImport = (id: string): Promise<TImportJob> =>
  apiClient.post<TImportJob>(`/imports/${id}/run`);

/** Imports the valid rows; the answer is the finished job, or the job still "importing" (then polled). */
export const useRunImport = (id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => runImport(id),
    onSuccess: (job) => {
      // The rows now have outcomes: never show their preview state again, even for a moment.
      queryClient.removeQueries({ queryKey: [...importQueryKey(id), 'rows'] });
      queryClient.setQueryData(importQueryKey(id), job);
      // The past-imports list cached before the run would show this file as still waiting: drop it.
      queryClient.removeQueries({ queryKey: [...importsQueryKey, 'list'] });
      return queryClient.invalidateQueries({ queryKey: importsQueryKey });
    },
    // A 409 (someone else ran it) or a failure half-way: show the job as it is now.
    onError: () => queryClient.invalidateQueries({ queryKey: importQueryKey(id) }),
  });
};
