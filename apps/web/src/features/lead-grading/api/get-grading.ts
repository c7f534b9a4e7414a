import type { TGradingTable } from '@qianke/contracts/follow-ups';
import { useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';

export const getGrading = (signal?: AbortSignal): Promise<TGradingTable> =>
  apiClient.get<TGradingTable>('/grading', { signal });

/** The seed-001 level table with checklists, the store's cadence, horizons and MAN actions. */
export const useGrading = () =>
  useQuery({
    queryKey: ['grading'] as const,
    queryFn: ({ signal }) => getGrading(signal),
    staleTime: 10 * 60_000,
  });
