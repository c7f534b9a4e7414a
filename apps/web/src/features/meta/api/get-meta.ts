import type { TAppMeta } from '@qianke/contracts/setup';
import { useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';

export const metaQueryKey = ['meta'] as const;

export const getMeta = (signal?: AbortSignal): Promise<TAppMeta> =>
  apiClient.get<TAppMeta>('/meta', { signal });

/** Public facts about this installation: demo or not, and whether the first-run set-up is still due. */
export const useMeta = () =>
  useQuery({ queryKey: metaQueryKey, queryFn: ({ signal }) => getMeta(signal), staleTime: 5 * 60_000 });
