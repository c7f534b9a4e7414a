import type { TDemoCarList } from '@qianke/contracts/test-drives';
import { useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';

/** Every query of this feature starts with this key, so one invalidation refreshes cars, schedules, drives. */
export const testDrivesQueryKey = ['test-drives'] as const;

export const getDemoCars = (includeInactive: boolean, signal?: AbortSignal): Promise<TDemoCarList> =>
  apiClient.get<TDemoCarList>(`/demo-cars${includeInactive ? '?includeInactive=true' : ''}`, { signal });

/** The store's demo cars: active ones, or retired ones too. */
export const useDemoCars = (includeInactive = false) =>
  useQuery({
    queryKey: [...testDrivesQueryKey, 'cars', includeInactive],
    queryFn: ({ signal }) => getDemoCars(includeInactive, signal),
  });
