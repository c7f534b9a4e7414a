import type { TInvitationOptions } from '@qianke/contracts/dcc';
import { useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { dccQueryKey } from './get-call-list';

export const getDccOptions = (signal?: AbortSignal): Promise<TInvitationOptions> =>
  apiClient.get<TInvitationOptions>('/invitations/options', { signal });

/** The consultants an invited customer can be received by, and the store's agents. */
export const useDccOptions = () =>
  useQuery({
    queryKey: [...dccQueryKey, 'options'] as const,
    queryFn: ({ signal }) => getDccOptions(signal),
    staleTime: 60_000,
  });
