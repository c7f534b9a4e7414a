import type { TNextTaskProposal } from '@qianke/contracts/follow-ups';
import type { Level } from '@qianke/core/leads/grading';
import { useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';

export const getFollowUpProposal = (
  leadId: string,
  levelAfter: Level | undefined,
  signal?: AbortSignal,
): Promise<TNextTaskProposal> =>
  apiClient.get<TNextTaskProposal>(`/leads/${encodeURIComponent(leadId)}/follow-up-proposal`, {
    query: { levelAfter },
    signal,
  });

/** When the rule table would plan the next contact if the result is logged now at this level. */
export const useFollowUpProposal = (leadId: string | null, levelAfter: Level | undefined) =>
  useQuery({
    queryKey: ['follow-up-proposal', leadId, levelAfter ?? null] as const,
    queryFn: ({ signal }) => getFollowUpProposal(leadId ?? '', levelAfter, signal),
    enabled: leadId !== null,
    staleTime: 0,
    retry: false,
  });
