import type { TStockVehicleList } from '@qianke/contracts/vehicles';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';

export const vehiclesQueryKey = ['vehicles'] as const;

export type StockFilter = {
  status?: 'in_stock' | 'reserved' | 'sold' | undefined;
  seriesId?: string | undefined;
  vin?: string | undefined;
  page: number;
  pageSize: number;
};

export const getStock = (filter: StockFilter, signal?: AbortSignal): Promise<TStockVehicleList> =>
  apiClient.get<TStockVehicleList>('/vehicles/stock', { query: filter, signal });

/** The store's stock by VIN, a page at a time. */
export const useStock = (filter: StockFilter) =>
  useQuery({
    queryKey: [...vehiclesQueryKey, 'stock', filter],
    queryFn: ({ signal }) => getStock(filter, signal),
    placeholderData: keepPreviousData,
  });
