import type { TAssignmentRuleList } from '@qianke/contracts/assignment';
import { useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';

export const rulesQueryKey = ['assignment-rules'] as const;

export const getRules = (signal?: AbortSignal): Promise<TAssignmentRuleList> =>
  apiClient.get<TAssignmentRuleList>('/assignment-rules', { signal });

/** The store's automatic assignment rules, in the order they are tried. */
export const useRules = () =>
  useQuery({ queryKey: rulesQueryKey, queryFn: ({ signal }) => getRules(signal) });
