import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useAppServices, useLocalStore } from '../../app/app-services';
import { LOCAL_STORE_KEY, SERVER_KEY } from '../../app/local-store-keys';
import type { ApiResult } from '../../platform/api-result';

export const teamKeys = {
  team: (engagementId: string) => [...SERVER_KEY, 'team', engagementId] as const,
  engagementName: (engagementId: string) => [...LOCAL_STORE_KEY, 'team', 'engagement-name', engagementId] as const,
};

/** The team as the server has it; the answer is a result value, so offline is data, not an exception. */
export const useTeam = (engagementId: string, enabled: boolean) => {
  const { api, session } = useAppServices();
  return useQuery({
    queryKey: teamKeys.team(engagementId),
    queryFn: async () => {
      const result = await api.team(engagementId);
      if (!result.ok && result.kind === 'unauthorized') session.markExpired();
      return result;
    },
    enabled,
    retry: false,
    refetchOnReconnect: true,
  });
};

/** The engagement's name where this device holds the record (it may not have synced yet). */
export const useEngagementName = (engagementId: string) => {
  const { storage } = useLocalStore();
  return useQuery({
    queryKey: teamKeys.engagementName(engagementId),
    queryFn: () => storage.read(async (tx) => (await tx.get('engagement', engagementId))?.name ?? null),
  });
};

/**
 * A team change: refreshes the team after a success, and tells the session when the server
 * says it has ended. Resolves with the result either way; failures are shown by the caller.
 */
export const useTeamChange = <A, T>(engagementId: string, run: (args: A) => Promise<ApiResult<T>>) => {
  const { session } = useAppServices();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: async (result) => {
      if (!result.ok && result.kind === 'unauthorized') session.markExpired();
      await queryClient.invalidateQueries({ queryKey: teamKeys.team(engagementId) });
    },
  });
};
