import type { TAssignmentRule, TCreateAssignmentRuleRequest } from '@qianke/contracts/assignment';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { rulesQueryKey } from './get-rules';

export const createRule = (body: TCreateAssignmentRuleRequest): Promise<TAssignmentRule> =>
  apiClient.post<TAssignmentRule>('/assignment-rules', body);

export const useCreateRule = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createRule,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: rulesQueryKey }),
  });
};
