import type { TNoShowRequest, TTestDrive } from '@qianke/contracts/test-drives';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { testDrivesQueryKey } from './get-demo-cars';

export const markNoShow = (id: string, body: TNoShowRequest): Promise<TTestDrive> =>
  apiClient.post<TTestDrive>(`/test-drives/${encodeURIComponent(id)}/no-show`, body);

export const useMarkNoShow = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: TNoShowRequest }) => markNoShow(id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: testDrivesQueryKey }),
  });
};
