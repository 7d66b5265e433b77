import { v7 } from 'uuid';
import { beforeEach, describe, expect, it } from 'vitest';
import { createMemoryStorage } from '../client/storage/memory-storage';
import { engagementArgs, procedureRecord, recordResultArgs, sampleRecord, testContext } from '../client/storage/storage-test-records';
import { applyPull } from './apply-pull';
import { ensureClientMeta } from './client-meta';
import type { PullResponse } from './protocol';
import { runMutation } from './run-mutation';
import type { Storage } from './storage';

const ctx = testContext('auditor-1');

const pull = (over: Partial<PullResponse>): PullResponse => ({ cookie: 10, lastMutationId: 0, patch: [], ...over });

describe('applyPull', () => {
  let storage: Storage;
  beforeEach(async () => {
    storage = createMemoryStorage();
    await ensureClientMeta(storage, v7);
  });

  it('applies puts and deletes, drops acknowledged mutations and stores the cookie together', async () => {
    const eng = v7();
    const procedure = { ...procedureRecord(eng), version: 4 };
    const stale = { ...procedureRecord(eng), version: 2 };
    await storage.write((tx) => tx.put(stale));
    const created = await runMutation(storage, 'createEngagement', engagementArgs(), ctx);
    expect(created.ok).toBe(true);

    const outcome = await applyPull(storage, pull({ cookie: 12, lastMutationId: 1, patch: [{ op: 'put', kind: 'procedure', id: procedure.id, value: procedure }, { op: 'del', kind: 'procedure', id: stale.id }] }), 'auditor-1');

    expect(outcome).toMatchObject({ applied: 2, acknowledged: 1, pending: 0 });
    await storage.read(async (tx) => {
      expect(await tx.get('procedure', procedure.id)).toEqual(procedure);
      expect(await tx.get('procedure', stale.id)).toBeUndefined();
      expect(await tx.outboxCount()).toBe(0);
      expect((await tx.getMeta())?.cookie).toBe(12);
    });
  });

  it('undoes an optimistic change the server acknowledged without applying it (a rejection)', async () => {
    const args = engagementArgs();
    await runMutation(storage, 'createEngagement', args, ctx);
    expect(await storage.read((tx) => tx.get('engagement', args.id))).toBeDefined();
    // The server processed mutation 1 (rejected it) and its patch holds no such engagement.
    await applyPull(storage, pull({ lastMutationId: 1 }), 'auditor-1');
    expect(await storage.read((tx) => tx.get('engagement', args.id))).toBeUndefined();
  });

  it('re-applies pending mutations on top of the server state', async () => {
    const eng = v7();
    const procedure = procedureRecord(eng, { attributes: [{ key: 'approved', label: 'Approved' }, { key: 'timely', label: 'Timely' }] });
    const sample = sampleRecord(eng, procedure.id);
    await storage.write(async (tx) => {
      await tx.put(procedure);
      await tx.put(sample);
    });
    const args = recordResultArgs(sample, { marks: { approved: 'fail', timely: 'pass' } });
    await runMutation(storage, 'recordResult', args, ctx);

    // Meanwhile someone else's version of the result reached the server.
    const theirs = { ...(await storage.read((tx) => tx.get('result', args.id)))!, marks: { approved: 'pass' as const, timely: 'pass' as const }, outcome: 'pass' as const, version: 7, updatedBy: 'manager-1' };
    const outcome = await applyPull(storage, pull({ patch: [{ op: 'put', kind: 'result', id: args.id, value: theirs }] }), 'auditor-1');

    expect(outcome).toMatchObject({ pending: 1, rebaseFailures: [] });
    const local = await storage.read((tx) => tx.get('result', args.id));
    expect(local?.marks).toEqual({ approved: 'fail', timely: 'pass' });
    expect(local?.outcome).toBe('exception');
    expect(local?.version).toBe(7);

    // Once the server has it, the next pull replaces the optimistic copy with the server's.
    const serverCopy = { ...local!, version: 8, updatedBy: 'auditor-1' };
    await applyPull(storage, pull({ cookie: 13, lastMutationId: 1, patch: [{ op: 'put', kind: 'result', id: args.id, value: serverCopy }] }), 'auditor-1');
    expect(await storage.read((tx) => tx.get('result', args.id))).toEqual(serverCopy);
  });

  it('drops every record of an engagement that left the user’s scope', async () => {
    const gone = v7();
    const kept = v7();
    const a = procedureRecord(gone);
    const b = sampleRecord(gone, a.id);
    const c = procedureRecord(kept);
    await storage.write(async (tx) => {
      for (const r of [a, b, c]) await tx.put(r);
    });
    await applyPull(storage, pull({ reset: [gone] }), 'auditor-1');
    await storage.read(async (tx) => {
      expect(await tx.get('procedure', a.id)).toBeUndefined();
      expect(await tx.get('sample', b.id)).toBeUndefined();
      expect(await tx.get('procedure', c.id)).toEqual(c);
    });
  });
});
