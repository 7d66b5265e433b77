import { openDB } from 'idb';
import { v7 } from 'uuid';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ensureClientMeta } from '../../sync/client-meta';
import { runMutation } from '../../sync/run-mutation';
import { IDB_SCHEMA_VERSION, upgradeIdbSchema, type TickmarkDb } from './idb-schema';
import { openIdbStorage } from './idb-storage';
import { idbTestHarness } from './idb-test-harness';
import type { InvalidStoredValue } from './stored-value-parsing';
import { outboxEntry, procedureRecord, recordResultArgs, resultRecord, sampleRecord, testContext } from './storage-test-records';

/** Writes a database the way an app at schema `version` would have left it. */
const seedRawDb = async (name: string, version: number, fill: (db: Awaited<ReturnType<typeof openDB<TickmarkDb>>>) => Promise<void>) => {
  const db = await openDB<TickmarkDb>(name, version, { upgrade: (d, oldV, newV, tx) => upgradeIdbSchema(d, oldV, newV ?? version, tx) });
  await fill(db);
  db.close();
};

/** What only the IndexedDB store has: persistence, schema versions, other tabs, stale data. */
export const describeIdbStorageSpecifics = (environment: string): void => {
  describe(`IndexedDB storage specifics (${environment})`, () => {
    const harness = idbTestHarness();
    afterEach(() => harness.cleanup());

    it('keeps records, outbox and meta across close and reopen', async () => {
      const name = harness.newDbName();
      const first = await harness.open(name);
      const meta = await ensureClientMeta(first, () => v7());
      const engagementId = v7();
      const procedure = procedureRecord(engagementId);
      const sample = sampleRecord(engagementId, procedure.id);
      await first.write(async (tx) => {
        await tx.put(procedure);
        await tx.put(sample);
      });
      const saved = await runMutation(first, 'recordResult', recordResultArgs(sample), testContext());
      expect(saved).toEqual({ ok: true, mutationId: 1 });
      first.close();

      const second = await harness.open(name);
      await second.read(async (tx) => {
        expect(await tx.get('procedure', procedure.id)).toEqual(procedure);
        expect((await tx.list('result', engagementId)).map((r) => r.sampleId)).toEqual([sample.id]);
        expect((await tx.outbox()).map((e) => [e.id, e.name])).toEqual([[1, 'recordResult']]);
        expect(await tx.getMeta()).toEqual({ ...meta, nextMutationId: 2 });
      });
    });

    it('upgrades a schema-1 database step by step and keeps its data', async () => {
      const name = harness.newDbName();
      const engagementId = v7();
      const procedure = procedureRecord(engagementId);
      const samples = [0, 1].map((i) => sampleRecord(engagementId, procedure.id, i));
      const clientId = v7();
      await seedRawDb(name, 1, async (db) => {
        const tx = db.transaction(['records', 'outbox', 'meta'], 'readwrite');
        for (const r of [procedure, ...samples]) await tx.objectStore('records').put(r);
        await tx.objectStore('outbox').put(outboxEntry(1, clientId));
        await tx.objectStore('meta').put({ clientId, nextMutationId: 2, cookie: 5 }, 'client');
        await tx.done;
      });

      const storage = await harness.open(name);
      await storage.read(async (tx) => {
        // list by engagement needs the index that version 2 added.
        expect((await tx.list('sample', engagementId)).map((s) => s.id).sort()).toEqual(samples.map((s) => s.id).sort());
        expect(await tx.get('procedure', procedure.id)).toEqual(procedure);
        expect(await tx.outbox()).toEqual([outboxEntry(1, clientId)]);
        expect(await tx.getMeta()).toEqual({ clientId, nextMutationId: 2, cookie: 5 });
      });
      storage.close();
      const raw = await openDB(name);
      expect(raw.version).toBe(IDB_SCHEMA_VERSION);
      raw.close();
    });

    it('upgrades the previous schema version with a pending outbox and can then save pre-images', async () => {
      const name = harness.newDbName();
      const clientId = v7();
      const previous = IDB_SCHEMA_VERSION - 1;
      await seedRawDb(name, previous, async (db) => {
        const tx = db.transaction(['outbox', 'meta'], 'readwrite');
        for (const id of [1, 2, 3]) await tx.objectStore('outbox').put(outboxEntry(id, clientId));
        await tx.objectStore('meta').put({ clientId, nextMutationId: 4, cookie: null }, 'client');
        await tx.done;
      });
      const storage = await harness.open(name);
      expect((await storage.read((tx) => tx.outbox())).map((e) => e.id)).toEqual([1, 2, 3]);
      const record = procedureRecord(v7());
      await storage.write((tx) => tx.saveBase({ kind: 'procedure', id: record.id, previous: record }));
      expect(await storage.write((tx) => tx.takeBases())).toEqual([{ kind: 'procedure', id: record.id, previous: record }]);
      storage.close();
    });

    it('refuses, with a readable reason, a database saved by a newer schema', async () => {
      const name = harness.newDbName();
      await seedRawDb(name, IDB_SCHEMA_VERSION + 1, async () => undefined);
      const result = await openIdbStorage(name);
      expect(result).toMatchObject({ ok: false, code: 'newer_version' });
      if (!result.ok) expect(result.message).toMatch(/newer version of Tickmark/);
    });

    it('reports being blocked by a tab holding an older schema open, then opens once it lets go', async () => {
      const name = harness.newDbName();
      // An old tab with no versionchange handler, so it never lets go by itself.
      const oldTab = await openDB<TickmarkDb>(name, 1, { upgrade: (d, o, n, tx) => upgradeIdbSchema(d, o, n ?? 1, tx) });
      const result = await openIdbStorage(name);
      expect(result).toMatchObject({ ok: false, code: 'blocked' });
      if (!result.ok) expect(result.message).toMatch(/Close or reload the other Tickmark tabs/);
      oldTab.close();
      const retried = await harness.open(name);
      expect(await retried.read((tx) => tx.outboxCount())).toBe(0);
    });

    it('closes itself and tells the app when a newer schema wants the database', async () => {
      const name = harness.newDbName();
      const onVersionChange = vi.fn();
      const storage = await harness.open(name, { onVersionChange });
      const newer = await openDB(name, IDB_SCHEMA_VERSION + 1);
      expect(onVersionChange).toHaveBeenCalledTimes(1);
      newer.close();
      await expect(storage.read((tx) => tx.outboxCount())).rejects.toThrow();
    });

    it('says so when a write callback awaited something else and IndexedDB committed early', async () => {
      const storage = await harness.open(harness.newDbName());
      const [first, second] = [procedureRecord(v7()), procedureRecord(v7())];
      const broken = storage.write(async (tx) => {
        await tx.put(first);
        await new Promise((resolve) => setTimeout(resolve, 20));
        await tx.put(second);
      });
      await expect(broken).rejects.toThrow(/awaited something other than the transaction/);
      // The rule's cost: what came before the foreign await is already committed.
      expect((await storage.read((tx) => tx.list('procedure'))).map((p) => p.id)).toEqual([first.id]);
    });

    describe('stored data that no longer matches the schema', () => {
      const engagementId = v7();
      const procedure = procedureRecord(engagementId);
      const good = sampleRecord(engagementId, procedure.id, 0);
      // As an older app version might have written it: a selection method since removed.
      const stale = { ...sampleRecord(engagementId, procedure.id, 1), method: 'haphazard' };

      const openWithStaleData = async () => {
        const name = harness.newDbName();
        const clientId = v7();
        await seedRawDb(name, IDB_SCHEMA_VERSION, async (db) => {
          const tx = db.transaction(['records', 'outbox', 'meta'], 'readwrite');
          for (const r of [procedure, good, stale]) await tx.objectStore('records').put(r);
          await tx.objectStore('outbox').put(outboxEntry(1, clientId));
          await tx.objectStore('outbox').put({ ...outboxEntry(2, clientId), name: 'renamedMutator' });
          await tx.done;
        });
        const reports: InvalidStoredValue[] = [];
        const storage = await harness.open(name, { onInvalid: (r) => reports.push(r) });
        return { storage, reports, clientId };
      };

      it('list skips the stale record and reports its kind, id and what is wrong', async () => {
        const { storage, reports } = await openWithStaleData();
        const listed = await storage.read((tx) => tx.list('sample', engagementId));
        expect(listed).toEqual([good]);
        expect(reports).toEqual([{ store: 'records', kind: 'sample', id: stale.id, message: expect.stringMatching(/^method: /) }]);
        expect(storage.invalidRecords()).toEqual(reports);
      });

      it('get answers undefined for the stale record and reports it once per key', async () => {
        const { storage, reports } = await openWithStaleData();
        expect(await storage.read((tx) => tx.get('sample', stale.id))).toBeUndefined();
        expect(await storage.read((tx) => tx.get('sample', stale.id))).toBeUndefined();
        expect(await storage.read((tx) => tx.get('sample', good.id))).toEqual(good);
        expect(reports).toHaveLength(2);
        expect(storage.invalidRecords()).toEqual([{ store: 'records', kind: 'sample', id: stale.id, message: expect.stringContaining('method') }]);
      });

      it('outbox skips an entry of an unknown mutator and reports it; the count still includes it', async () => {
        const { storage, reports } = await openWithStaleData();
        expect((await storage.read((tx) => tx.outbox())).map((e) => e.id)).toEqual([1]);
        expect(await storage.read((tx) => tx.outboxCount())).toBe(2);
        expect(reports).toEqual([{ store: 'outbox', mutationId: 2, message: expect.stringMatching(/^name: /) }]);
      });

      it('treats unreadable meta as missing and reports it, so a fresh client id can be made', async () => {
        const name = harness.newDbName();
        await seedRawDb(name, IDB_SCHEMA_VERSION, (db) => db.put('meta', { clientId: 'not-a-uuid', nextMutationId: 0 }, 'client').then(() => undefined));
        const reports: InvalidStoredValue[] = [];
        const storage = await harness.open(name, { onInvalid: (r) => reports.push(r) });
        expect(await storage.read((tx) => tx.getMeta())).toBeUndefined();
        expect(reports.map((r) => r.store)).toEqual(['meta']);
        const fresh = await ensureClientMeta(storage, () => v7());
        expect(await storage.read((tx) => tx.getMeta())).toEqual(fresh);
      });

      it('lets a new save replace an unreadable result instead of failing', async () => {
        const { storage, reports, clientId } = await openWithStaleData();
        await storage.write((tx) => tx.setMeta({ clientId, nextMutationId: 3, cookie: null }));
        const args = recordResultArgs(good);
        const unreadable = { ...resultRecord(good), id: args.id, outcome: 'inconclusive' };
        await storage.write(async (tx) => {
          // Bypasses the types on purpose to plant a record an older app version wrote.
          await tx.put(unreadable as unknown as Parameters<typeof tx.put>[0]);
        });
        const saved = await runMutation(storage, 'recordResult', args, testContext());
        expect(saved).toEqual({ ok: true, mutationId: 3 });
        expect((await storage.read((tx) => tx.get('result', args.id)))?.outcome).toBe('pass');
        expect(reports.some((r) => r.store === 'records' && r.id === args.id)).toBe(true);
      });
    });
  });
};
