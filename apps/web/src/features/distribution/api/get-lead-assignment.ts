import type { TLeadAssignment } from '@qianke/contracts/assignment';
import { useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { distributionQueryKey } from './get-queue';

export const leadAssignmentQueryKey = (leadId: string) => [...distributionQueryKey, 'lead', leadId] as const;

export const getLeadAssignment = (leadId: string, signal?: AbortSignal): Promise<TLeadAssignment> =>
  apiClient.get<TLeadAssignment>(`/leads/${encodeURIComponent(leadId)}/assignment`, { signal });

/** Why a lead has its owner, and every change of owner. */
export const useLeadAssignment = (leadId: string) =>
  useQuery({
    queryKey: leadAssignmentQueryKey(leadId),
    queryFn: ({ signal }) => getLeadAssignment(leadId, signal),
  });
