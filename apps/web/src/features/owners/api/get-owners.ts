import type { TOwnerList } from '@qianke/contracts/orders';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';

export type OwnersFilter = {
  licenceMonth?: string | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
};

export const getOwners = (filter: OwnersFilter, signal?: AbortSignal): Promise<TOwnerList> =>
  apiClient.get<TOwnerList>('/owners', { query: filter, signal });

/** Owner cards filed by licence month. */
export const useOwners = (filter: OwnersFilter) =>
  useQuery({
    queryKey: ['orders', 'owners', filter],
    queryFn: ({ signal }) => getOwners(filter, signal),
    placeholderData: keepPreviousData,
  });
