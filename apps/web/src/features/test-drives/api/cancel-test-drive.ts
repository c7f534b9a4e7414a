import type { TCancelTestDriveRequest, TTestDrive } from '@qianke/contracts/test-drives';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { testDrivesQueryKey } from './get-demo-cars';

export const cancelTestDrive = (id: string, body: TCancelTestDriveRequest): Promise<TTestDrive> =>
  apiClient.post<TTestDrive>(`/test-drives/${encodeURIComponent(id)}/cancel`, body);

export const useCancelTestDrive = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: TCancelTestDriveRequest }) => cancelTestDrive(id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: testDrivesQueryKey }),
  });
};
