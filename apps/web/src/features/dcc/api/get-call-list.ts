import type { TCallListName, TCallListPage } from '@qianke/contracts/dcc';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';

export const dccQueryKey = ['dcc'] as const;

export type CallListFilter = { list: TCallListName; agentId?: string | undefined; page: number };

export const getCallList = (filter: CallListFilter, signal?: AbortSignal): Promise<TCallListPage> =>
  apiClient.get<TCallListPage>('/dcc/call-lists', {
    query: { list: filter.list, agentId: filter.agentId, page: filter.page, pageSize: 20 },
    signal,
  });

/** One page of a call list, in the order it is worked. */
export const useCallList = (filter: CallListFilter) =>
  useQuery({
    queryKey: [...dccQueryKey, 'list', filter] as const,
    queryFn: ({ signal }) => getCallList(filter, signal),
    placeholderData: keepPreviousData,
  });
