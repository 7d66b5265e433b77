import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';
import { describeIdbStorageSpecifics } from './idb-storage-specifics';
import { idbTestHarness } from './idb-test-harness';
import { describeStorageContract } from './storage-contract';

const harness = idbTestHarness();
afterEach(() => harness.cleanup());

describeStorageContract('IndexedDB (fake-indexeddb)', harness.makeStorage);
describeIdbStorageSpecifics('fake-indexeddb');
