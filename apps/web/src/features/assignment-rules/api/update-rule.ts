import type { TAssignmentRule, TUpdateAssignmentRuleRequest } from '@qianke/contracts/assignment';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { rulesQueryKey } from './get-rules';

export const updateRule = (ruleId: string, body: TUpdateAssignmentRuleRequest): Promise<TAssignmentRule> =>
  apiClient.patch<TAssignmentRule>(`/assignment-rules/${encodeURIComponent(ruleId)}`, body);

export const useUpdateRule = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ ruleId, body }: { ruleId: string; body: TUpdateAssignmentRuleRequest }) =>
      updateRule(ruleId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: rulesQueryKey }),
  });
};
