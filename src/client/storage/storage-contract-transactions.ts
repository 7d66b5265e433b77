import { v7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import type { Storage, WriteTx } from '../../sync/storage';
import { outboxEntry, procedureRecord, sampleRecord } from './storage-test-records';

class Boom extends Error {}

/** All-or-nothing writes, serialised writers, and values that callers cannot reach into. */
export const describeTransactionContract = (storage: () => Storage): void => {
  describe('write atomicity', () => {
    it('keeps nothing of a write whose callback throws: records, outbox and meta', async () => {
      const s = storage();
      const clientId = v7();
      const engagementId = v7();
      const kept = procedureRecord(engagementId);
      const doomedSibling = sampleRecord(engagementId, kept.id, 0);
      const metaBefore = { clientId, nextMutationId: 3, cookie: 10 };
      await s.write(async (tx) => {
        await tx.put(kept);
        await tx.put(doomedSibling);
        await tx.appendOutbox(outboxEntry(1, clientId));
        await tx.appendOutbox(outboxEntry(2, clientId));
        await tx.setMeta(metaBefore);
      });

      const fresh = sampleRecord(engagementId, kept.id, 1);
      const failing = s.write(async (tx) => {
        await tx.put(fresh);
        await tx.put({ ...kept, steps: 'Half-written edit' });
        await tx.remove('sample', doomedSibling.id);
        await tx.appendOutbox(outboxEntry(3, clientId));
        await tx.dropOutboxThrough(1);
        await tx.setMeta({ clientId, nextMutationId: 4, cookie: 11 });
        throw new Boom('mid-write failure');
      });
      await expect(failing).rejects.toBeInstanceOf(Boom);

      await s.read(async (tx) => {
        expect(await tx.get('sample', fresh.id)).toBeUndefined();
        expect(await tx.get('procedure', kept.id)).toEqual(kept);
        expect(await tx.get('sample', doomedSibling.id)).toEqual(doomedSibling);
        expect((await tx.outbox()).map((e) => e.id)).toEqual([1, 2]);
        expect(await tx.outboxCount()).toBe(2);
        expect(await tx.getMeta()).toEqual(metaBefore);
      });
    });

    it('resolves with the callback’s value once the data is stored', async () => {
      const s = storage();
      const p = procedureRecord(v7());
      const value = await s.write(async (tx) => {
        await tx.put(p);
        return { saved: p.id };
      });
      expect(value).toEqual({ saved: p.id });
      expect(await s.read((tx) => tx.get('procedure', p.id))).toEqual(p);
    });

    it('does not let a failed write disturb the next one', async () => {
      const s = storage();
      const p = procedureRecord(v7());
      await expect(s.write(async () => Promise.reject(new Boom('nope')))).rejects.toBeInstanceOf(Boom);
      await s.write((tx) => tx.put(p));
      expect(await s.read((tx) => tx.get('procedure', p.id))).toEqual(p);
    });

    it('refuses use of a transaction after its callback has finished', async () => {
      const s = storage();
      let leaked: WriteTx | undefined;
      await s.write(async (tx) => {
        leaked = tx;
        await tx.getMeta();
      });
      if (!leaked) throw new Error('the write callback did not run');
      const late = leaked;
      await expect(late.put(procedureRecord(v7()))).rejects.toThrow();
      expect(await s.read((tx) => tx.list('procedure'))).toEqual([]);
    });
  });

  describe('isolation of values', () => {
    it('copies values in: mutating the object after put changes nothing stored', async () => {
      const s = storage();
      const p = procedureRecord(v7());
      const original = structuredClone(p);
      await s.write((tx) => tx.put(p));
      p.steps = 'Mutated by the caller';
      p.attributes[0]!.label = 'Mutated label';
      expect(await s.read((tx) => tx.get('procedure', p.id))).toEqual(original);
    });

    it('copies values out: mutating a returned record, outbox entry or meta changes nothing stored', async () => {
      const s = storage();
      const clientId = v7();
      const p = procedureRecord(v7());
      const entry = outboxEntry(1, clientId);
      const meta = { clientId, nextMutationId: 2, cookie: null };
      await s.write(async (tx) => {
        await tx.put(p);
        await tx.appendOutbox(entry);
        await tx.setMeta(meta);
      });
      await s.read(async (tx) => {
        const got = await tx.get('procedure', p.id);
        if (got) got.attributes.push({ key: 'extra', label: 'Extra' });
        const [listed] = await tx.list('procedure');
        if (listed) listed.steps = 'changed';
        const [queued] = await tx.outbox();
        if (queued) (queued.args as { nested: { value: number } }).nested.value = 99;
        const m = await tx.getMeta();
        if (m) m.nextMutationId = 50;
      });
      await s.read(async (tx) => {
        expect(await tx.get('procedure', p.id)).toEqual(p);
        expect(await tx.list('procedure')).toEqual([p]);
        expect(await tx.outbox()).toEqual([entry]);
        expect(await tx.getMeta()).toEqual(meta);
      });
    });
  });

  describe('concurrency', () => {
    it('runs concurrent writes one after another, never interleaved', async () => {
      const s = storage();
      const clientId = v7();
      await s.write((tx) => tx.setMeta({ clientId, nextMutationId: 1, cookie: null }));
      const log: string[] = [];
      const increment = (n: number) =>
        s.write(async (tx) => {
          // Logged after the first await: IndexedDB runs a callback's opening statements
          // at once and holds its requests, which is still serialised.
          const meta = await tx.getMeta();
          if (!meta) throw new Error('meta missing');
          log.push(`start ${n}`);
          // A few round trips so an interleaving store would let another writer in here.
          await tx.get('procedure', v7());
          await tx.outboxCount();
          await tx.setMeta({ ...meta, nextMutationId: meta.nextMutationId + 1 });
          log.push(`end ${n}`);
        });
      await Promise.all([1, 2, 3, 4, 5, 6, 7, 8].map(increment));
      expect((await s.read((tx) => tx.getMeta()))?.nextMutationId).toBe(9);
      expect(log).toEqual([1, 2, 3, 4, 5, 6, 7, 8].flatMap((n) => [`start ${n}`, `end ${n}`]));
    });

    it('never shows a read half of a write that is in progress', async () => {
      const s = storage();
      const engagementId = v7();
      const p = procedureRecord(engagementId);
      const [a, b] = [sampleRecord(engagementId, p.id, 0), sampleRecord(engagementId, p.id, 1)];
      const writing = s.write(async (tx) => {
        await tx.put(a);
        await tx.get('procedure', p.id);
        await tx.put(b);
      });
      const seen = await s.read(async (tx) => [await tx.get('sample', a.id), await tx.get('sample', b.id)]);
      await writing;
      const present = seen.map((r) => r !== undefined);
      expect(present[0]).toBe(present[1]);
    });
  });
};
