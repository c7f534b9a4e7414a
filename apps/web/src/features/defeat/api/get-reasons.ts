import type { TDefeatReasonList } from '@qianke/contracts/defeat';
import { useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';

/** Every query of this feature starts with this key, so one invalidation refreshes lists and records. */
export const defeatQueryKey = ['defeat'] as const;
export const reasonsQueryKey = [...defeatQueryKey, 'reasons'] as const;

export const getReasons = (signal?: AbortSignal): Promise<TDefeatReasonList> =>
  apiClient.get<TDefeatReasonList>('/defeat-reasons', { signal });

/** The store's defeat reasons, retired ones included (active: false). */
export const useReasons = () =>
  useQuery({ queryKey: reasonsQueryKey, queryFn: ({ signal }) => getReasons(signal) });
