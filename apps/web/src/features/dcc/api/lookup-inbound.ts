import type { TInboundMatch } from '@qianke/contracts/dcc';
import { useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { dccQueryKey } from './get-call-list';

export const lookupInbound = (phone: string, signal?: AbortSignal): Promise<TInboundMatch> =>
  apiClient.get<TInboundMatch>('/dcc/inbound-lookup', { query: { phone }, signal });

/** Who is calling, once a number has been entered. */
export const useInboundLookup = (phone: string) =>
  useQuery({
    queryKey: [...dccQueryKey, 'inbound', phone] as const,
    queryFn: ({ signal }) => lookupInbound(phone, signal),
    enabled: phone !== '',
    retry: false,
  });
