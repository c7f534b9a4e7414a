import type { TLoggedVisit, TLogVisitRequest } from '@qianke/contracts/showroom';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { showroomQueryKey } from './get-visits';

export const logVisit = (body: TLogVisitRequest): Promise<TLoggedVisit> =>
  apiClient.post<TLoggedVisit>('/showroom/visits', body);

export const useLogVisit = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logVisit,
    // Not awaited: the form is ready for the next visitor at once; board and rotation follow a moment later.
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: showroomQueryKey });
    },
  });
};
