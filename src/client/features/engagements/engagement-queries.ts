import { useQuery } from '@tanstack/react-query';
import type { Storage } from '../../../sync/storage';
import { useLocalStore } from '../../app/app-services';
import { LOCAL_STORE_KEY } from '../../app/local-store-keys';
import { engagementListFrom, type EngagementListItem } from './engagement-list-model';

export const engagementKeys = {
  all: [...LOCAL_STORE_KEY, 'engagements'] as const,
  list: () => [...engagementKeys.all, 'list'] as const,
};

/** Records and outbox from one snapshot, so the "not yet synced" marks match the list. */
export const readEngagementList = (storage: Storage): Promise<EngagementListItem[]> =>
  storage.read(async (tx) => {
    const engagements = await tx.list('engagement');
    const outbox = await tx.outbox();
    return engagementListFrom(engagements, outbox);
  });

export const useEngagements = () => {
  const { storage } = useLocalStore();
  return useQuery({ queryKey: engagementKeys.list(), queryFn: () => readEngagementList(storage) });
};
