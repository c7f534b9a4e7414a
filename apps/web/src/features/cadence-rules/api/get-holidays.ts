import type { THolidayList } from '@qianke/contracts/follow-ups';
import { useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';

export const holidaysQueryKey = ['holidays'] as const;

export const getHolidays = (signal?: AbortSignal): Promise<THolidayList> =>
  apiClient.get<THolidayList>('/holidays', { signal });

/** The store's holiday calendar, and the years whose public holidays can be added at once. */
export const useHolidays = () =>
  useQuery({ queryKey: holidaysQueryKey, queryFn: ({ signal }) => getHolidays(signal) });
