import type { TAddHolidayRequest, THolidaysAdded } from '@qianke/contracts/follow-ups';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { holidaysQueryKey } from './get-holidays';

export const addHoliday = (body: TAddHolidayRequest): Promise<THolidaysAdded> =>
  apiClient.post<THolidaysAdded>('/holidays', body);

export const useAddHoliday = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addHoliday,
    onSuccess: (list) => queryClient.setQueryData(holidaysQueryKey, list),
  });
};
