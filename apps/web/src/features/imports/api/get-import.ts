import type { TImportJob } from '@qianke/contracts/imports';
import { useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { importsQueryKey } from './get-imports';

export const importQueryKey = (id: string) => [...importsQueryKey, 'job', id] as const;

export const getImport = (id: string, signal?: AbortSignal): Promise<TImportJob> =>
  apiClient.get<TImportJob>(`/imports/${id}`, { signal });

/** One import; polled while it is being imported, so the progress moves. */
export const useImport = (id: string, options: { poll?: boolean } = {}) =>
  useQuery({
    queryKey: importQueryKey(id),
    queryFn: ({ signal }) => getImport(id, signal),
    refetchInterval: options.poll ? 1500 : false,
  });
