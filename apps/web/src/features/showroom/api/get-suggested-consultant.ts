import type { TSuggestedConsultant } from '@qianke/contracts/showroom';
import { useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { showroomQueryKey } from './get-visits';

export const getSuggestedConsultant = (signal?: AbortSignal): Promise<TSuggestedConsultant> =>
  apiClient.get<TSuggestedConsultant>('/showroom/suggested-consultant', { signal });

/** Whose turn it is, by the fair rotation; refreshed with the board. */
export const useSuggestedConsultant = () =>
  useQuery({
    queryKey: [...showroomQueryKey, 'suggested-consultant'] as const,
    queryFn: ({ signal }) => getSuggestedConsultant(signal),
    refetchInterval: 30_000,
    staleTime: 0,
  });
