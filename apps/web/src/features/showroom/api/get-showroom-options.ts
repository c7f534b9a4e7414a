import type { TShowroomOptions } from '@qianke/contracts/showroom';
import { useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { showroomQueryKey } from './get-visits';

export const getShowroomOptions = (signal?: AbortSignal): Promise<TShowroomOptions> =>
  apiClient.get<TShowroomOptions>('/showroom/options', { signal });

/** The series and sources the arrival form offers; they change rarely. */
export const useShowroomOptions = () =>
  useQuery({
    queryKey: [...showroomQueryKey, 'options'] as const,
    queryFn: ({ signal }) => getShowroomOptions(signal),
    staleTime: 5 * 60_000,
  });
