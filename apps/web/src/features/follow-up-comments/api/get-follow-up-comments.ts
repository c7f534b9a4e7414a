import type { TFollowUpCommentList } from '@qianke/contracts/notifications';
import { useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';

export const followUpCommentsQueryKey = (followUpId: string) => ['follow-up-comments', followUpId] as const;

export const getFollowUpComments = (
  followUpId: string,
  signal?: AbortSignal,
): Promise<TFollowUpCommentList> =>
  apiClient.get<TFollowUpCommentList>(`/follow-ups/${encodeURIComponent(followUpId)}/comments`, { signal });

/** The managers' comments on one follow-up, oldest first. */
export const useFollowUpComments = (followUpId: string) =>
  useQuery({
    queryKey: followUpCommentsQueryKey(followUpId),
    queryFn: ({ signal }) => getFollowUpComments(followUpId, signal),
  });
