import { useQuery } from '@tanstack/react-query';
import { LOCAL_STORE_KEY } from '../../app/local-store-keys';
import { useLocalStore } from '../../app/app-services';

export const outboxKeys = {
  all: [...LOCAL_STORE_KEY, 'outbox'] as const,
  count: () => [...outboxKeys.all, 'count'] as const,
};

/** Mutations saved on this device and not yet acknowledged by the server. */
export const useOutboxCount = () => {
  const { storage } = useLocalStore();
  return useQuery({
    queryKey: outboxKeys.count(),
    queryFn: () => storage.read((tx) => tx.outboxCount()),
  });
};
