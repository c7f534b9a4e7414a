import type { TImportList } from '@qianke/contracts/imports';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';

/** Every query of this feature starts with this key, so one invalidation refreshes lists and jobs. */
export const importsQueryKey = ['imports'] as const;

export type ImportsPage = { page: number; pageSize: number };

export const getImports = (page: ImportsPage, signal?: AbortSignal): Promise<TImportList> =>
  apiClient.get<TImportList>('/imports', { query: page, signal });

/** The store's past imports, newest first. */
export const useImports = (page: ImportsPage) =>
  useQuery({
    queryKey: [...importsQueryKey, 'list', page],
    queryFn: ({ signal }) => getImports(page, signal),
    placeholderData: keepPreviousData,
  });
