import { v7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { ensureClientMeta } from '../../sync/client-meta';
import { runMutation } from '../../sync/run-mutation';
import type { Storage } from '../../sync/storage';
import { FIXED_TIME, engagementArgs, procedureRecord, recordResultArgs, sampleRecord, testContext } from './storage-test-records';

/** The client's write path end to end: a mutator's effect and its outbox entry land together. */
export const describeMutationContract = (storage: () => Storage): void => {
  describe('ensureClientMeta', () => {
    it('makes the client id once and returns the same meta afterwards', async () => {
      const s = storage();
      const ids = [v7(), v7()];
      let calls = 0;
      const next = () => ids[calls++] ?? v7();
      const first = await ensureClientMeta(s, next);
      const second = await ensureClientMeta(s, next);
      expect(first).toEqual({ clientId: ids[0], nextMutationId: 1, cookie: null });
      expect(second).toEqual(first);
      expect(calls).toBe(1);
      expect(await s.read((tx) => tx.getMeta())).toEqual(first);
    });

    it('makes exactly one client id when called concurrently', async () => {
      const s = storage();
      const [a, b] = await Promise.all([ensureClientMeta(s, () => v7()), ensureClientMeta(s, () => v7())]);
      expect(b.clientId).toBe(a.clientId);
    });
  });

  describe('runMutation', () => {
    const ctx = testContext('auditor-7');

    it('stores the engagement and its outbox entry together', async () => {
      const s = storage();
      const meta = await ensureClientMeta(s, () => v7());
      const args = engagementArgs();
      const result = await runMutation(s, 'createEngagement', args, ctx);
      expect(result).toEqual({ ok: true, mutationId: 1 });
      await s.read(async (tx) => {
        const { membershipId: _membershipId, ...fields } = args;
        expect(await tx.get('engagement', args.id)).toEqual({
          ...fields,
          kind: 'engagement',
          engagementId: args.id,
          version: 0,
          updatedAt: FIXED_TIME,
          updatedBy: 'auditor-7',
          deleted: false,
          status: 'planning',
        });
        expect(await tx.outbox()).toEqual([
          { clientId: meta.clientId, id: 1, name: 'createEngagement', args, baseVersion: null, clientTime: FIXED_TIME },
        ]);
        expect(await tx.getMeta()).toEqual({ ...meta, nextMutationId: 2 });
      });
    });

    it('numbers mutations 1, 2, 3 with no gaps, in outbox order', async () => {
      const s = storage();
      await ensureClientMeta(s, () => v7());
      const ids: number[] = [];
      for (let i = 0; i < 3; i++) {
        const r = await runMutation(s, 'createEngagement', engagementArgs(), ctx);
        if (!r.ok) throw new Error(r.message);
        ids.push(r.mutationId);
      }
      expect(ids).toEqual([1, 2, 3]);
      expect((await s.read((tx) => tx.outbox())).map((e) => e.id)).toEqual([1, 2, 3]);
      expect(await s.read((tx) => tx.list('engagement'))).toHaveLength(3);
    });

    it('gives concurrent mutations distinct, gapless ids', async () => {
      const s = storage();
      await ensureClientMeta(s, () => v7());
      const results = await Promise.all([1, 2, 3, 4].map(() => runMutation(s, 'createEngagement', engagementArgs(), ctx)));
      expect(results.map((r) => (r.ok ? r.mutationId : r.message)).sort()).toEqual([1, 2, 3, 4]);
      expect(await s.read((tx) => tx.outboxCount())).toBe(4);
    });

    it('sends the edited record’s version as the base of a later edit', async () => {
      const s = storage();
      await ensureClientMeta(s, () => v7());
      const engagementId = v7();
      const procedure = procedureRecord(engagementId);
      const sample = sampleRecord(engagementId, procedure.id);
      await s.write(async (tx) => {
        await tx.put(procedure);
        await tx.put(sample);
      });
      const args = recordResultArgs(sample);
      expect(await runMutation(s, 'recordResult', args, ctx)).toEqual({ ok: true, mutationId: 1 });
      await s.write(async (tx) => {
        const stored = await tx.get('result', args.id);
        if (!stored) throw new Error('result missing');
        await tx.put({ ...stored, version: 12 }); // as if the server had accepted it
      });
      expect(await runMutation(s, 'recordResult', { ...args, note: 'Second look' }, ctx)).toEqual({ ok: true, mutationId: 2 });
      expect((await s.read((tx) => tx.outbox())).map((e) => e.baseVersion)).toEqual([null, 12]);
    });

    it('writes nothing and uses no mutation id for a refused mutation', async () => {
      const s = storage();
      const meta = await ensureClientMeta(s, () => v7());
      const invalidArgs = engagementArgs({ engagementKind: 'type1', periodStart: '2026-01-01', periodEnd: '2026-03-31' });
      const refusedInvalid = await runMutation(s, 'createEngagement', invalidArgs, ctx);
      expect(refusedInvalid).toMatchObject({ ok: false, code: 'invalid' });
      const missingSample = sampleRecord(v7(), v7());
      const refusedMissing = await runMutation(s, 'recordResult', recordResultArgs(missingSample), ctx);
      expect(refusedMissing).toMatchObject({ ok: false, code: 'not_found' });
      const badShape = await runMutation(s, 'createEngagement', { ...engagementArgs(), name: '   ' }, ctx);
      expect(badShape).toMatchObject({ ok: false, code: 'invalid' });

      await s.read(async (tx) => {
        expect(await tx.list('engagement')).toEqual([]);
        expect(await tx.list('result')).toEqual([]);
        expect(await tx.outboxCount()).toBe(0);
        expect(await tx.getMeta()).toEqual(meta);
      });
      const accepted = await runMutation(s, 'createEngagement', engagementArgs(), ctx);
      expect(accepted).toEqual({ ok: true, mutationId: 1 });
    });

    it('refuses to run before the device has a client id', async () => {
      const s = storage();
      const r = await runMutation(s, 'createEngagement', engagementArgs(), ctx);
      expect(r).toMatchObject({ ok: false, code: 'no_client' });
      expect(await s.read((tx) => tx.list('engagement'))).toEqual([]);
    });
  });
};
