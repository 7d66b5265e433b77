import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useAppServices } from '../../app/app-services';
import { DEVICE_KEY } from '../../app/local-store-keys';

export const storageKeys = {
  report: () => [...DEVICE_KEY, 'storage-report'] as const,
};

/** Persisted flag and usage/quota; re-read each time the panel opens. */
export const useStorageReport = () => {
  const { persistence } = useAppServices();
  return useQuery({ queryKey: storageKeys.report(), queryFn: () => persistence.report(), staleTime: 0 });
};

export const useRequestPersistence = () => {
  const { persistence } = useAppServices();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => persistence.requestPersistence(),
    onSettled: () => queryClient.invalidateQueries({ queryKey: storageKeys.report() }),
  });
};
