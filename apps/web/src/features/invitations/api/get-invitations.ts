import type { TInvitationList, TInvitationStatus } from '@qianke/contracts/dcc';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';

export const invitationsQueryKey = ['invitations'] as const;

export type InvitationsFilter = {
  date?: string | undefined;
  status?: TInvitationStatus | undefined;
  agentId?: string | undefined;
  customerId?: string | undefined;
  page: number;
};

export const getInvitations = (filter: InvitationsFilter, signal?: AbortSignal): Promise<TInvitationList> =>
  apiClient.get<TInvitationList>('/invitations', { query: { ...filter, pageSize: 20 }, signal });

/** Invitations by day, status, agent or customer, in the order of their visit. */
export const useInvitations = (filter: InvitationsFilter) =>
  useQuery({
    queryKey: [...invitationsQueryKey, 'list', filter] as const,
    queryFn: ({ signal }) => getInvitations(filter, signal),
    placeholderData: keepPreviousData,
  });
