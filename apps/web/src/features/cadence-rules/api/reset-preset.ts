import type { TCadenceRulesSaved, TResetCadencePresetRequest } from '@qianke/contracts/follow-ups';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { rulesQueryKey } from './get-rules';

export const resetPreset = (body: TResetCadencePresetRequest): Promise<TCadenceRulesSaved> =>
  apiClient.post<TCadenceRulesSaved>('/follow-up-rules/preset', body);

/** Back to a preset of the seeds (001 or 003), with the version read, and re-plan. */
export const useResetPreset = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resetPreset,
    onSuccess: (saved) => {
      queryClient.setQueryData(rulesQueryKey, saved);
      return queryClient.invalidateQueries({ queryKey: ['tasks'] });
    },
  });
};
