import type { TDccStats } from '@qianke/contracts/dcc';
import { useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { invitationsQueryKey } from './get-invitations';

export const getAgentStats = (from: string, to: string, signal?: AbortSignal): Promise<TDccStats> =>
  apiClient.get<TDccStats>('/dcc/stats', { query: { from, to }, signal });

/** Calls, reach, invitation success and arrival rates per agent over days of the store. */
export const useAgentStats = (from: string, to: string) =>
  useQuery({
    queryKey: [...invitationsQueryKey, 'stats', from, to] as const,
    queryFn: ({ signal }) => getAgentStats(from, to, signal),
  });
