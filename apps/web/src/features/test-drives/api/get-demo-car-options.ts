import type { TDemoCarOptions } from '@qianke/contracts/test-drives';
import { useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { testDrivesQueryKey } from './get-demo-cars';

export const getDemoCarOptions = (signal?: AbortSignal): Promise<TDemoCarOptions> =>
  apiClient.get<TDemoCarOptions>('/demo-cars/options', { signal });

/** The catalog configurations and colours a demo car can be. */
export const useDemoCarOptions = (enabled: boolean) =>
  useQuery({
    queryKey: [...testDrivesQueryKey, 'car-options'],
    queryFn: ({ signal }) => getDemoCarOptions(signal),
    enabled,
  });
