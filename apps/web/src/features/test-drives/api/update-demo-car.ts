import type { TDemoCar, TUpdateDemoCarRequest } from '@qianke/contracts/test-drives';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { testDrivesQueryKey } from './get-demo-cars';

export const updateDemoCar = (id: string, body: TUpdateDemoCarRequest): Promise<TDemoCar> =>
  apiClient.patch<TDemoCar>(`/demo-cars/${encodeURIComponent(id)}`, body);

/** Changes a demo car, or retires it (active: false). */
export const useUpdateDemoCar = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: TUpdateDemoCarRequest }) => updateDemoCar(id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: testDrivesQueryKey }),
  });
};
