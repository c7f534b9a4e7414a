import type { TDefeatMonthly } from '@qianke/contracts/defeat';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { defeatQueryKey } from './get-reasons';

export const getMonthly = (month: string | undefined, signal?: AbortSignal): Promise<TDefeatMonthly> =>
  apiClient.get<TDefeatMonthly>('/defeat-requests/monthly', { query: { month }, signal });

/** The monthly defeat record per consultant (this month when no month is given). */
export const useMonthly = (month: string | undefined) =>
  useQuery({
    queryKey: [...defeatQueryKey, 'monthly', month ?? 'current'] as const,
    queryFn: ({ signal }) => getMonthly(month, signal),
    placeholderData: keepPreviousData,
  });
