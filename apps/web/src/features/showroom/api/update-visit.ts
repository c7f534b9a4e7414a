import type { TUpdateVisitRequest, TVisit } from '@qianke/contracts/showroom';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { showroomQueryKey } from './get-visits';

export const updateVisit = (visitId: string, body: TUpdateVisitRequest): Promise<TVisit> =>
  apiClient.patch<TVisit>(`/showroom/visits/${encodeURIComponent(visitId)}`, body);

export const useUpdateVisit = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ visitId, body }: { visitId: string; body: TUpdateVisitRequest }) =>
      updateVisit(visitId, body),
    // A stale version means the log shows old data: refresh it either way.
    onSettled: () => queryClient.invalidateQueries({ queryKey: showroomQueryKey }),
  });
};
