import { v7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Storage } from '../../sync/storage';
import { describeBasesContract } from './storage-contract-bases';
import { describeMutationContract } from './storage-contract-mutations';
import { describeTransactionContract } from './storage-contract-transactions';
import { outboxEntry, procedureRecord, sampleRecord } from './storage-test-records';

/**
 * What every Storage must do, run against the in-memory store and the IndexedDB store
 * (fake-indexeddb in node, real Chromium in the browser project).
 */
export const describeStorageContract = (name: string, makeStorage: () => Promise<Storage>): void => {
  describe(`Storage contract: ${name}`, () => {
    let storage: Storage;
    const current = (): Storage => storage;
    beforeEach(async () => {
      storage = await makeStorage();
    });
    afterEach(() => {
      storage.close();
    });

    describe('records', () => {
      it('gets back what was put, and undefined for an unknown id', async () => {
        const engagementId = v7();
        const procedure = procedureRecord(engagementId);
        await storage.write((tx) => tx.put(procedure));
        expect(await storage.read((tx) => tx.get('procedure', procedure.id))).toEqual(procedure);
        expect(await storage.read((tx) => tx.get('procedure', v7()))).toBeUndefined();
        // Same id, other kind: kinds are separate key spaces.
        expect(await storage.read((tx) => tx.get('sample', procedure.id))).toBeUndefined();
      });

      it('replaces a record put again under the same kind and id', async () => {
        const procedure = procedureRecord(v7());
        await storage.write((tx) => tx.put(procedure));
        await storage.write((tx) => tx.put({ ...procedure, steps: 'Revised steps', version: 3 }));
        const stored = await storage.read((tx) => tx.get('procedure', procedure.id));
        expect(stored?.steps).toBe('Revised steps');
        expect(stored?.version).toBe(3);
        expect(await storage.read((tx) => tx.list('procedure'))).toHaveLength(1);
      });

      it('lists by kind, and by kind and engagement', async () => {
        const [e1, e2] = [v7(), v7()];
        const p1 = procedureRecord(e1);
        const p2 = procedureRecord(e2);
        const samples1 = [0, 1, 2].map((i) => sampleRecord(e1, p1.id, i));
        const sample2 = sampleRecord(e2, p2.id);
        await storage.write(async (tx) => {
          for (const r of [p1, p2, ...samples1, sample2]) await tx.put(r);
        });
        const ids = (rs: { id: string }[]) => rs.map((r) => r.id).sort();
        expect(ids(await storage.read((tx) => tx.list('sample', e1)))).toEqual(ids(samples1));
        expect(ids(await storage.read((tx) => tx.list('sample', e2)))).toEqual([sample2.id]);
        expect(ids(await storage.read((tx) => tx.list('sample')))).toEqual(ids([...samples1, sample2]));
        expect(ids(await storage.read((tx) => tx.list('procedure', e1)))).toEqual([p1.id]);
        expect(await storage.read((tx) => tx.list('result', e1))).toEqual([]);
        expect(await storage.read((tx) => tx.list('sample', v7()))).toEqual([]);
        const listed = await storage.read((tx) => tx.list('sample', e1));
        expect(listed.every((s) => s.kind === 'sample')).toBe(true);
      });

      it('returns tombstones from list and get', async () => {
        const engagementId = v7();
        const p = procedureRecord(engagementId);
        const live = sampleRecord(engagementId, p.id, 0);
        const tomb = sampleRecord(engagementId, p.id, 1, { deleted: true });
        await storage.write(async (tx) => {
          await tx.put(live);
          await tx.put(tomb);
        });
        const listed = await storage.read((tx) => tx.list('sample', engagementId));
        expect(listed.map((s) => [s.id, s.deleted]).sort()).toEqual([[live.id, false], [tomb.id, true]].sort());
        expect((await storage.read((tx) => tx.get('sample', tomb.id)))?.deleted).toBe(true);
      });

      it('removes a record physically, leaving others alone', async () => {
        const engagementId = v7();
        const p = procedureRecord(engagementId);
        const [s1, s2] = [sampleRecord(engagementId, p.id, 0), sampleRecord(engagementId, p.id, 1)];
        await storage.write(async (tx) => {
          await tx.put(s1);
          await tx.put(s2);
        });
        await storage.write((tx) => tx.remove('sample', s1.id));
        await storage.write((tx) => tx.remove('sample', v7())); // unknown id: no error
        expect(await storage.read((tx) => tx.get('sample', s1.id))).toBeUndefined();
        expect((await storage.read((tx) => tx.list('sample', engagementId))).map((s) => s.id)).toEqual([s2.id]);
      });
    });

    describe('outbox', () => {
      const clientId = v7();

      it('keeps entries in mutationId order whatever the order they were appended in', async () => {
        await storage.write(async (tx) => {
          await tx.appendOutbox(outboxEntry(2, clientId));
          await tx.appendOutbox(outboxEntry(1, clientId));
        });
        await storage.write((tx) => tx.appendOutbox(outboxEntry(3, clientId, { baseVersion: 7 })));
        const entries = await storage.read((tx) => tx.outbox());
        expect(entries.map((e) => e.id)).toEqual([1, 2, 3]);
        expect(entries[2]).toEqual(outboxEntry(3, clientId, { baseVersion: 7 }));
        expect(await storage.read((tx) => tx.outboxCount())).toBe(3);
      });

      it('drops every entry up to and including an acknowledged id', async () => {
        await storage.write(async (tx) => {
          for (const id of [1, 2, 3, 4, 5]) await tx.appendOutbox(outboxEntry(id, clientId));
        });
        await storage.write((tx) => tx.dropOutboxThrough(3));
        expect((await storage.read((tx) => tx.outbox())).map((e) => e.id)).toEqual([4, 5]);
        expect(await storage.read((tx) => tx.outboxCount())).toBe(2);
        await storage.write((tx) => tx.dropOutboxThrough(2)); // already gone: no-op
        expect(await storage.read((tx) => tx.outboxCount())).toBe(2);
        await storage.write((tx) => tx.dropOutboxThrough(99));
        expect(await storage.read((tx) => tx.outbox())).toEqual([]);
        expect(await storage.read((tx) => tx.outboxCount())).toBe(0);
      });

      it('refuses a second entry with the same mutation id, keeping nothing of that write', async () => {
        const p = procedureRecord(v7());
        await storage.write((tx) => tx.appendOutbox(outboxEntry(1, clientId)));
        await expect(
          storage.write(async (tx) => {
            await tx.put(p);
            await tx.appendOutbox(outboxEntry(1, clientId, { baseVersion: 4 }));
          }),
        ).rejects.toThrow();
        expect(await storage.read((tx) => tx.get('procedure', p.id))).toBeUndefined();
        expect(await storage.read((tx) => tx.outbox())).toEqual([outboxEntry(1, clientId)]);
      });
    });

    describe('meta', () => {
      it('is undefined until set, then holds the latest value', async () => {
        expect(await storage.read((tx) => tx.getMeta())).toBeUndefined();
        const clientId = v7();
        await storage.write((tx) => tx.setMeta({ clientId, nextMutationId: 1, cookie: null }));
        await storage.write((tx) => tx.setMeta({ clientId, nextMutationId: 5, cookie: 42 }));
        expect(await storage.read((tx) => tx.getMeta())).toEqual({ clientId, nextMutationId: 5, cookie: 42 });
      });
    });

    describeTransactionContract(current);
    describeBasesContract(current);
    describeMutationContract(current);
  });
};
