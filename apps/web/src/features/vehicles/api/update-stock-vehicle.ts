import type { TStockVehicle, TUpdateStockVehicle } from '@qianke/contracts/vehicles';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { vehiclesQueryKey } from './get-stock';

/** Changes a car in stock (note, colour, arrival day): PATCH /vehicles/stock/:id with the version read. */
export const updateStockVehicle = (id: string, body: TUpdateStockVehicle): Promise<TStockVehicle> =>
  apiClient.patch<TStockVehicle>(`/vehicles/stock/${encodeURIComponent(id)}`, body);

export const useUpdateStockVehicle = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: TUpdateStockVehicle }) => updateStockVehicle(id, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: vehiclesQueryKey }),
  });
};
