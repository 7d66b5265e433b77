import { deleteDB } from 'idb';
import { v7 } from 'uuid';
import type { Storage } from '../../sync/storage';
import { openIdbStorage, type IdbStorage, type IdbStorageOptions } from './idb-storage';

/**
 * Unique database names per test, and deletion of every one afterwards, so tests
 * sharing one IndexedDB (real Chromium, or fake-indexeddb in node) never see each other.
 */
export const idbTestHarness = () => {
  const names: string[] = [];
  const everCreated: string[] = [];
  const opened: Storage[] = [];

  const newDbName = (): string => {
    const name = `tickmark-test-${v7()}`;
    names.push(name);
    everCreated.push(name);
    return name;
  };

  const open = async (name: string, options?: IdbStorageOptions): Promise<IdbStorage> => {
    const result = await openIdbStorage(name, options);
    if (!result.ok) throw new Error(`openIdbStorage(${name}) failed: ${result.code}: ${result.message}`);
    opened.push(result.storage);
    return result.storage;
  };

  const cleanup = async (): Promise<void> => {
    for (const s of opened.splice(0)) s.close();
    for (const name of names.splice(0)) await deleteDB(name);
  };

  return { newDbName, open, makeStorage: (): Promise<Storage> => open(newDbName()), cleanup, createdNames: (): readonly string[] => everCreated };
};
