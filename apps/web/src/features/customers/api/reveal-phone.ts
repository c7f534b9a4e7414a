import type { TRevealedPhones } from '@qianke/contracts/customers';
import { useMutation } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';

/** The full numbers of a masked card; the server audits every look. */
export const revealPhone = (id: string): Promise<TRevealedPhones> =>
  apiClient.post<TRevealedPhones>(`/customers/${encodeURIComponent(id)}/reveal-phone`);

export const useRevealPhone = () => useMutation({ mutationFn: revealPhone });
