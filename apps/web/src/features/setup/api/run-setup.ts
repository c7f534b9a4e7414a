import type { TMe } from '@qianke/contracts/auth';
import type { TSetupRequest } from '@qianke/contracts/setup';
import { useMutation } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';

export type SetupInput = Omit<TSetupRequest, 'timeZone'> & { timeZone: string };

/** First run: creates the group, the first store and the administrator, and logs the administrator in. */
export const runSetup = (body: SetupInput): Promise<TMe> => apiClient.post<TMe>('/setup', body);

export const useRunSetup = () => useMutation({ mutationFn: runSetup });
