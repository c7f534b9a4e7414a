import type { TVisit } from '@qianke/contracts/showroom';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { showroomQueryKey } from './get-visits';

/** The visitor left now. */
export const departVisit = (visitId: string): Promise<TVisit> =>
  apiClient.post<TVisit>(`/showroom/visits/${encodeURIComponent(visitId)}/depart`, {});

export const useDepartVisit = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: departVisit,
    // Whether it worked or another desk was quicker, the board must show the truth.
    onSettled: () => queryClient.invalidateQueries({ queryKey: showroomQueryKey }),
  });
};
