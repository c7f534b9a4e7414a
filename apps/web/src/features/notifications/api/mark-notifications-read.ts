import type { TMarkNotificationsRead, TMarkNotificationsReadResult } from '@qianke/contracts/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { notificationsQueryKey } from './get-notifications';

export const markNotificationsRead = (body: TMarkNotificationsRead): Promise<TMarkNotificationsReadResult> =>
  apiClient.post<TMarkNotificationsReadResult>('/notifications/read', body);

/** Marks some notifications read (by id), or all of them. */
export const useMarkNotificationsRead = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markNotificationsRead,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsQueryKey }),
  });
};
