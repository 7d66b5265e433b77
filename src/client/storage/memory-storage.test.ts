import { describe, expect, it } from 'vitest';
import { v7 } from 'uuid';
import { createMemoryStorage } from './memory-storage';
import { describeStorageContract } from './storage-contract';
import { procedureRecord } from './storage-test-records';

describeStorageContract('memory', async () => createMemoryStorage());

describe('memory storage', () => {
  it('keeps separate instances apart', async () => {
    const [a, b] = [createMemoryStorage(), createMemoryStorage()];
    const p = procedureRecord(v7());
    await a.write((tx) => tx.put(p));
    expect(await b.read((tx) => tx.get('procedure', p.id))).toBeUndefined();
  });

  it('refuses reads and writes once closed', async () => {
    const s = createMemoryStorage();
    s.close();
    await expect(s.read((tx) => tx.outboxCount())).rejects.toThrow(/closed/);
    await expect(s.write((tx) => tx.put(procedureRecord(v7())))).rejects.toThrow(/closed/);
  });
});
