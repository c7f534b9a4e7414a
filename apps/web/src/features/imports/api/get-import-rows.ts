import type { TImportRowFilter, TImportRowList } from '@qianke/contracts/imports';
import { useInfiniteQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { importQueryKey } from './get-import';

export const IMPORT_ROWS_PAGE = 50;

export const getImportRows = (
  id: string,
  params: { filter: TImportRowFilter; cursor?: string | undefined; limit: number },
  signal?: AbortSignal,
): Promise<TImportRowList> => apiClient.get<TImportRowList>(`/imports/${id}/rows`, { query: params, signal });

/** Rows of an import in file order, page after page ("show more"). */
export const useImportRows = (id: string, filter: TImportRowFilter, options: { limit?: number } = {}) => {
  const limit = options.limit ?? IMPORT_ROWS_PAGE;
  return useInfiniteQuery({
    queryKey: [...importQueryKey(id), 'rows', filter, limit],
    queryFn: ({ pageParam, signal }) => getImportRows(id, { filter, cursor: pageParam, limit }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
};
