import { afterEach, describe, expect, it } from 'vitest';
import { describeIdbStorageSpecifics } from './idb-storage-specifics';
import { idbTestHarness } from './idb-test-harness';
import { describeStorageContract } from './storage-contract';

const harness = idbTestHarness();
afterEach(() => harness.cleanup());

describeStorageContract('IndexedDB (Chromium)', harness.makeStorage);
describeIdbStorageSpecifics('Chromium');

describe('test database hygiene', () => {
  it('leaves no test database behind', async () => {
    await harness.cleanup();
    const created = new Set(harness.createdNames());
    expect(created.size).toBeGreaterThan(10);
    const left = (await indexedDB.databases()).filter((d) => d.name !== undefined && created.has(d.name));
    expect(left).toEqual([]);
  });
});
