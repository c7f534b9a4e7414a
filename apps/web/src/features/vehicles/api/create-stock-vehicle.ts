import type { TCreateStockVehicle, TStockVehicle } from '@qianke/contracts/vehicles';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { vehiclesQueryKey } from './get-stock';

export const createStockVehicle = (body: TCreateStockVehicle): Promise<TStockVehicle> =>
  apiClient.post<TStockVehicle>('/vehicles/stock', body);

export const useCreateStockVehicle = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createStockVehicle,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: vehiclesQueryKey }),
  });
};
