import type { TStockVehicleList } from '@qianke/contracts/vehicles';
import { useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';

export const getStockOptions = (vin: string, signal?: AbortSignal): Promise<TStockVehicleList> =>
  apiClient.get<TStockVehicleList>('/vehicles/stock', {
    query: { status: 'in_stock', vin, pageSize: 50 },
    signal,
  });

/** Cars in stock to order, narrowed by a VIN fragment. */
export const useStockOptions = (vin: string, enabled: boolean) =>
  useQuery({
    queryKey: ['vehicles', 'stock', 'options', vin],
    queryFn: ({ signal }) => getStockOptions(vin, signal),
    enabled,
  });
