import type { TTestDriveSchedule } from '@qianke/contracts/test-drives';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { testDrivesQueryKey } from './get-demo-cars';

export const getSchedule = (date: string, signal?: AbortSignal): Promise<TTestDriveSchedule> =>
  apiClient.get<TTestDriveSchedule>(`/test-drives/schedule?date=${encodeURIComponent(date)}`, { signal });

/** Each active demo car's bookings of one store day. */
export const useSchedule = (date: string) =>
  useQuery({
    queryKey: [...testDrivesQueryKey, 'schedule', date],
    queryFn: ({ signal }) => getSchedule(date, signal),
    placeholderData: keepPreviousData,
  });
