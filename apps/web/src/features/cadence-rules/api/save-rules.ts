import type { TCadenceRulesSaved, TUpdateCadenceRulesRequest } from '@qianke/contracts/follow-ups';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { rulesQueryKey } from './get-rules';

export const saveRules = (body: TUpdateCadenceRulesRequest): Promise<TCadenceRulesSaved> =>
  apiRequest<TCadenceRulesSaved>('/follow-up-rules', { method: 'PUT', body });

/** Saves the rule table; the server re-plans every open rule task in the same transaction. */
export const useSaveRules = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveRules,
    onSuccess: (saved) => {
      queryClient.setQueryData(rulesQueryKey, saved);
      return queryClient.invalidateQueries({ queryKey: ['tasks'] });
    },
  });
};
