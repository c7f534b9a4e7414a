import type { THolidaysAdded } from '@qianke/contracts/follow-ups';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { holidaysQueryKey } from './get-holidays';

export const deleteHoliday = (date: string): Promise<THolidaysAdded> =>
  apiRequest<THolidaysAdded>(`/holidays/${encodeURIComponent(date)}`, { method: 'DELETE' });

export const useDeleteHoliday = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteHoliday,
    onSuccess: (list) => queryClient.setQueryData(holidaysQueryKey, list),
  });
};
