import type { TCreateFollowUpComment, TFollowUpComment } from '@qianke/contracts/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { followUpCommentsQueryKey } from './get-follow-up-comments';
import { reviewQueryKey } from './get-store-follow-ups';

export const addFollowUpComment = (
  followUpId: string,
  body: TCreateFollowUpComment,
): Promise<TFollowUpComment> =>
  apiClient.post<TFollowUpComment>(`/follow-ups/${encodeURIComponent(followUpId)}/comments`, body);

/** A manager's comment (批复); the author of the follow-up is notified by the server. */
export const useAddFollowUpComment = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ followUpId, body }: { followUpId: string; body: TCreateFollowUpComment }) =>
      addFollowUpComment(followUpId, body),
    onSuccess: (_comment, { followUpId }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: followUpCommentsQueryKey(followUpId) }),
        queryClient.invalidateQueries({ queryKey: reviewQueryKey }),
        // A lead's follow-up history (shown on other pages) lists comments too.
        queryClient.invalidateQueries({ queryKey: ['follow-ups'] }),
      ]),
  });
};
