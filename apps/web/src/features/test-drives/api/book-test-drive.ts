import type { TBookTestDriveRequest, TTestDrive } from '@qianke/contracts/test-drives';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { testDrivesQueryKey } from './get-demo-cars';

export const bookTestDrive = (body: TBookTestDriveRequest): Promise<TTestDrive> =>
  apiClient.post<TTestDrive>('/test-drives', body);

/** Books a test drive; a slot another booking of the car overlaps is a 409 naming its time. */
export const useBookTestDrive = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: bookTestDrive,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: testDrivesQueryKey }),
  });
};
