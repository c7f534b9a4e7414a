import type { TCompleteTestDriveRequest, TTestDrive } from '@qianke/contracts/test-drives';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { testDrivesQueryKey } from './get-demo-cars';

export const completeTestDrive = (id: string, body: TCompleteTestDriveRequest): Promise<TTestDrive> =>
  apiClient.post<TTestDrive>(`/test-drives/${encodeURIComponent(id)}/complete`, body);

/** Completes a test drive; the server logs the follow-up on the lead. */
export const useCompleteTestDrive = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: TCompleteTestDriveRequest }) =>
      completeTestDrive(id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: testDrivesQueryKey }),
  });
};
