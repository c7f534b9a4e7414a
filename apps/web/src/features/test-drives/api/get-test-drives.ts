import type { TTestDriveList } from '@qianke/contracts/test-drives';
import { useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { testDrivesQueryKey } from './get-demo-cars';

export type TestDrivesFilter = {
  customerId?: string;
  consultantId?: string;
  demoCarId?: string;
  date?: string;
};

export const getTestDrives = (filter: TestDrivesFilter, signal?: AbortSignal): Promise<TTestDriveList> => {
  const query = new URLSearchParams(
    Object.entries(filter).filter((entry): entry is [string, string] => Boolean(entry[1])),
  );
  return apiClient.get<TTestDriveList>(`/test-drives?${query.toString()}`, { signal });
};

/** Test drives of a customer, a consultant or a car, newest first (in time order for one day). */
export const useTestDrives = (filter: TestDrivesFilter) =>
  useQuery({
    queryKey: [...testDrivesQueryKey, 'list', filter],
    queryFn: ({ signal }) => getTestDrives(filter, signal),
  });
