import type { TCheckLicenceRequest, TTestDrive } from '@qianke/contracts/test-drives';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { testDrivesQueryKey } from './get-demo-cars';

export const checkLicence = (id: string, body: TCheckLicenceRequest): Promise<TTestDrive> =>
  apiClient.post<TTestDrive>(`/test-drives/${encodeURIComponent(id)}/licence-check`, body);

/** Records the customer's driving licence as checked. */
export const useCheckLicence = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: TCheckLicenceRequest }) => checkLicence(id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: testDrivesQueryKey }),
  });
};
