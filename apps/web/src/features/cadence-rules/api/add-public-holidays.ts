import type { THolidaysAdded } from '@qianke/contracts/follow-ups';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { holidaysQueryKey } from './get-holidays';

export const addPublicHolidays = (year: number): Promise<THolidaysAdded> =>
  apiClient.post<THolidaysAdded>('/holidays/cn-public', { year });

/** Adds China's seven public holidays of a year (元旦 ... 国庆). */
export const useAddPublicHolidays = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addPublicHolidays,
    onSuccess: (list) => queryClient.setQueryData(holidaysQueryKey, list),
  });
};
