import type { TCadenceRuleSet } from '@qianke/contracts/follow-ups';
import { useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';

export const rulesQueryKey = ['follow-up-rules'] as const;

export const getRules = (signal?: AbortSignal): Promise<TCadenceRuleSet> =>
  apiClient.get<TCadenceRuleSet>('/follow-up-rules', { signal });

/** The store's follow-up rule table and the two presets. */
export const useRules = () =>
  useQuery({ queryKey: rulesQueryKey, queryFn: ({ signal }) => getRules(signal) });
