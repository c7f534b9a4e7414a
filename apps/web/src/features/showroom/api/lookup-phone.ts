import type { TPhoneLookup, TVisitKind } from '@qianke/contracts/showroom';
import { useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { showroomQueryKey } from './get-visits';

export const lookupPhone = (phone: string, kind: TVisitKind, signal?: AbortSignal): Promise<TPhoneLookup> =>
  apiClient.get<TPhoneLookup>('/showroom/phone-lookup', { query: { phone, kind }, signal });

/** First or repeat visit, as the receptionist types: asked only once the number looks complete. */
export const usePhoneLookup = (phone: string, kind: TVisitKind) =>
  useQuery({
    queryKey: [...showroomQueryKey, 'phone-lookup', phone, kind] as const,
    queryFn: ({ signal }) => lookupPhone(phone, kind, signal),
    enabled: phone !== '',
    staleTime: 0,
    retry: false,
  });
