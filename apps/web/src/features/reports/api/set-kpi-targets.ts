import type { TKpiTargets, TSetKpiTargets } from '@qianke/contracts/reports/kpi';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';

export const setKpiTargets = (input: TSetKpiTargets): Promise<TKpiTargets> =>
  apiClient.put<TKpiTargets>('/kpi-targets', input);

/** Saves the month's targets; the dashboard and the form read them again. */
export const useSetKpiTargets = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setKpiTargets,
    onSuccess: async (saved) => {
      queryClient.setQueryData(['kpi-targets', saved.month], saved);
      await queryClient.invalidateQueries({ queryKey: ['reports'] });
    },
  });
};
