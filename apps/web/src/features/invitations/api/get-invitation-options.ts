import type { TInvitationOptions } from '@qianke/contracts/dcc';
import { useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { invitationsQueryKey } from './get-invitations';

export const getInvitationOptions = (signal?: AbortSignal): Promise<TInvitationOptions> =>
  apiClient.get<TInvitationOptions>('/invitations/options', { signal });

export const useInvitationOptions = () =>
  useQuery({
    queryKey: [...invitationsQueryKey, 'options'] as const,
    queryFn: ({ signal }) => getInvitationOptions(signal),
    staleTime: 60_000,
  });
