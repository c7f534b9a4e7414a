import type { TChangeLevelRequest, TLevelChanged } from '@qianke/contracts/follow-ups';
import { useMutation } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';

export const changeLevel = (leadId: string, body: TChangeLevelRequest): Promise<TLevelChanged> =>
  apiClient.post<TLevelChanged>(`/leads/${encodeURIComponent(leadId)}/level`, body);

/** Grades a lead: level, horizon, the ticked checklist and MAN; the server records and re-plans. */
export const useChangeLevel = () =>
  useMutation({
    mutationFn: ({ leadId, body }: { leadId: string; body: TChangeLevelRequest }) =>
      changeLevel(leadId, body),
  });
