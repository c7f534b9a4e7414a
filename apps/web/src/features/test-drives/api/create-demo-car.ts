import type { TCreateDemoCarRequest, TDemoCar } from '@qianke/contracts/test-drives';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { testDrivesQueryKey } from './get-demo-cars';

export const createDemoCar = (body: TCreateDemoCarRequest): Promise<TDemoCar> =>
  apiClient.post<TDemoCar>('/demo-cars', body);

export const useCreateDemoCar = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createDemoCar,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: testDrivesQueryKey }),
  });
};
