import type { TFollowUpHistory } from '@qianke/contracts/follow-ups';
import { useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';

export const followUpsQueryKey = (leadId: string) => ['follow-ups', leadId] as const;

export const getFollowUps = (leadId: string, signal?: AbortSignal): Promise<TFollowUpHistory> =>
  apiClient.get<TFollowUpHistory>(`/leads/${encodeURIComponent(leadId)}/follow-ups`, { signal });

/** A lead's follow-ups with managers' comments, and its level history. */
export const useFollowUps = (leadId: string | null) =>
  useQuery({
    queryKey: followUpsQueryKey(leadId ?? ''),
    queryFn: ({ signal }) => getFollowUps(leadId ?? '', signal),
    enabled: leadId !== null,
  });
