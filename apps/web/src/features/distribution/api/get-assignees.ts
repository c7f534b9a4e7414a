import type { TAssigneeList } from '@qianke/contracts/assignment';
import { useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { distributionQueryKey } from './get-queue';

export const assigneesQueryKey = [...distributionQueryKey, 'assignees'] as const;

export const getAssignees = (includeDisabled: boolean, signal?: AbortSignal): Promise<TAssigneeList> =>
  apiClient.get<TAssigneeList>('/distribution/assignees', {
    query: includeDisabled ? { includeDisabled: 'true' } : {},
    signal,
  });

/** People who can take leads, with their open leads and whether they are on duty (and disabled ones if asked). */
export const useAssignees = (options: { enabled?: boolean; includeDisabled?: boolean } = {}) => {
  const includeDisabled = options.includeDisabled ?? false;
  return useQuery({
    queryKey: [...assigneesQueryKey, { includeDisabled }] as const,
    queryFn: ({ signal }) => getAssignees(includeDisabled, signal),
    enabled: options.enabled ?? true,
  });
};
