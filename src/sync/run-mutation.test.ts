import { v7 } from 'uuid';
import { beforeEach, describe, expect, it } from 'vitest';
import { createMemoryStorage } from '../client/storage/memory-storage';
import { engagementArgs, procedureRecord, recordResultArgs, resultRecord, sampleRecord, testContext } from '../client/storage/storage-test-records';
import type { Sample } from '../domain/records/sample';
import { ensureClientMeta } from './client-meta';
import type { CreateEngagementArgs } from './mutators/create-engagement';
import { runMutation, type RunMutationResult } from './run-mutation';
import type { Storage } from './storage';

const ctx = testContext('auditor-3');

const expectNothingWritten = async (storage: Storage) => {
  await storage.read(async (tx) => {
    expect(await tx.list('result')).toEqual([]);
    expect(await tx.list('engagement')).toEqual([]);
    expect(await tx.outboxCount()).toBe(0);
    expect((await tx.getMeta())?.nextMutationId).toBe(1);
  });
};

const refusal = (r: RunMutationResult) => (r.ok ? { ok: true } : { code: r.code, message: r.message });

describe('runMutation recordResult', () => {
  let storage: Storage;
  const engagementId = v7();
  const procedure = procedureRecord(engagementId);
  let sample: Sample;

  beforeEach(async () => {
    storage = createMemoryStorage();
    await ensureClientMeta(storage, () => v7());
    sample = sampleRecord(engagementId, procedure.id);
    await storage.write(async (tx) => {
      await tx.put(procedure);
      await tx.put(sample);
    });
  });

  const save = async (over: Parameters<typeof recordResultArgs>[1]) => {
    const args = recordResultArgs(sample, over);
    const result = await runMutation(storage, 'recordResult', args, ctx);
    const stored = await storage.read((tx) => tx.get('result', args.id));
    return { result, stored, args };
  };

  it.each([
    [{ approved: 'pass', timely: 'pass' }, 'pass'],
    [{ approved: 'pass', timely: 'fail' }, 'exception'],
    [{ approved: 'fail' }, 'exception'],
    [{ approved: 'na', timely: 'na' }, 'not_applicable'],
    [{ approved: 'pass' }, 'untested'],
  ] as const)('derives the outcome from the marks %o → %s', async (marks, outcome) => {
    const { result, stored } = await save({ marks });
    expect(result).toEqual({ ok: true, mutationId: 1 });
    expect(stored).toMatchObject({ outcome, outcomeOverrideReason: null, marks, procedureId: procedure.id, testerId: 'auditor-3', updatedBy: 'auditor-3' });
  });

  it('keeps an override that differs from the marks, with its reason', async () => {
    const reason = 'Approval was given by e-mail; the ticket was updated afterwards';
    const { result, stored } = await save({ marks: { approved: 'fail', timely: 'pass' }, outcomeOverride: { outcome: 'pass', reason } });
    expect(result.ok).toBe(true);
    expect(stored).toMatchObject({ outcome: 'pass', outcomeOverrideReason: reason });
  });

  it('drops the reason of an override that agrees with the marks', async () => {
    const { stored } = await save({ outcomeOverride: { outcome: 'pass', reason: 'Looks fine' } });
    expect(stored).toMatchObject({ outcome: 'pass', outcomeOverrideReason: null });
  });

  it('refuses an override without a reason', async () => {
    const { result, stored } = await save({ outcomeOverride: { outcome: 'pass', reason: '   ' } });
    expect(refusal(result)).toEqual({ code: 'invalid', message: expect.stringContaining('An override needs a reason') });
    expect(stored).toBeUndefined();
    await expectNothingWritten(storage);
  });

  it('refuses a mark for an attribute the procedure does not have', async () => {
    const { result } = await save({ marks: { approved: 'pass', 'signed-off': 'pass' } });
    expect(refusal(result)).toEqual({ code: 'invalid', message: 'Not attributes of this procedure: signed-off' });
    await expectNothingWritten(storage);
  });

  it('refuses a sample of another engagement', async () => {
    const { result } = await save({ engagementId: v7() });
    expect(refusal(result)).toEqual({ code: 'not_found', message: 'No such sample in this engagement' });
    await expectNothingWritten(storage);
  });

  it('refuses a deleted sample and a sample whose procedure is gone', async () => {
    await storage.write((tx) => tx.put({ ...sample, deleted: true }));
    expect(refusal((await save({})).result)).toMatchObject({ code: 'not_found' });
    const orphan = sampleRecord(engagementId, v7(), 1);
    await storage.write((tx) => tx.put(orphan));
    const r = await runMutation(storage, 'recordResult', recordResultArgs(orphan), ctx);
    expect(refusal(r)).toEqual({ code: 'not_found', message: expect.stringContaining('procedure no longer exists') });
    await expectNothingWritten(storage);
  });

  it('refuses to move a result to another sample', async () => {
    const other = sampleRecord(engagementId, procedure.id, 1);
    const existing = resultRecord(other);
    await storage.write(async (tx) => {
      await tx.put(other);
      await tx.put(existing);
    });
    const { result } = await save({ id: existing.id });
    expect(refusal(result)).toEqual({ code: 'invalid', message: 'This result belongs to another sample' });
    expect(await storage.read((tx) => tx.get('result', existing.id))).toEqual(existing);
  });

  it('updates a result in place, keeping its server version, with the next mutation id', async () => {
    const first = await save({ marks: { approved: 'pass' } });
    await storage.write((tx) => tx.put({ ...first.stored!, version: 4 }));
    const again = await runMutation(storage, 'recordResult', { ...first.args, marks: { approved: 'pass', timely: 'fail' } }, ctx);
    expect(again).toEqual({ ok: true, mutationId: 2 });
    const stored = await storage.read((tx) => tx.get('result', first.args.id));
    expect(stored).toMatchObject({ version: 4, outcome: 'exception' });
    expect((await storage.read((tx) => tx.outbox())).map((e) => [e.id, e.baseVersion])).toEqual([[1, null], [2, 4]]);
  });

  it('refuses malformed args before touching storage', async () => {
    const bad = { ...recordResultArgs(sample), sampleId: 'not-a-uuid' };
    const r = await runMutation(storage, 'recordResult', bad, ctx);
    expect(refusal(r)).toEqual({ code: 'invalid', message: expect.stringMatching(/^sampleId: /) });
    await expectNothingWritten(storage);
  });
});

describe('runMutation createEngagement', () => {
  let storage: Storage;
  beforeEach(async () => {
    storage = createMemoryStorage();
    await ensureClientMeta(storage, () => v7());
  });

  const invalidEngagements: [string, Partial<CreateEngagementArgs>, string][] = [
    ['a Type 1 engagement spanning a period', { engagementKind: 'type1', periodStart: '2026-01-01', periodEnd: '2026-01-31' }, 'periodEnd: A Type 1 engagement is as of one date: start and end must be the same day'],
    ['a period that ends before it starts', { periodStart: '2026-06-30', periodEnd: '2026-01-01' }, 'periodEnd: The period must not end before it starts'],
    ['Security (CC) left out of scope', { categoriesInScope: ['A'] }, 'categoriesInScope: Security (CC) is always in scope'],
  ];
  it.each(invalidEngagements)('refuses %s with a message naming the field', async (_label, over, message) => {
    const r = await runMutation(storage, 'createEngagement', engagementArgs(over), ctx);
    expect(refusal(r)).toEqual({ code: 'invalid', message });
    await expectNothingWritten(storage);
  });

  it('accepts a Type 1 engagement as of one date', async () => {
    const args = engagementArgs({ engagementKind: 'type1', periodStart: '2026-03-31', periodEnd: '2026-03-31' });
    expect(await runMutation(storage, 'createEngagement', args, ctx)).toEqual({ ok: true, mutationId: 1 });
    expect(await storage.read((tx) => tx.get('engagement', args.id))).toMatchObject({ engagementKind: 'type1', status: 'planning', engagementId: args.id });
  });

  it('refuses a second engagement with the same id', async () => {
    const args = engagementArgs();
    await runMutation(storage, 'createEngagement', args, ctx);
    const again = await runMutation(storage, 'createEngagement', { ...args, name: 'Copy' }, ctx);
    expect(refusal(again)).toEqual({ code: 'invalid', message: 'An engagement with this id already exists' });
    expect(await storage.read((tx) => tx.outboxCount())).toBe(1);
    expect((await storage.read((tx) => tx.get('engagement', args.id)))?.name).toBe(args.name);
  });

  it('names the malformed argument', async () => {
    const r = await runMutation(storage, 'createEngagement', { ...engagementArgs(), periodStart: '31/01/2026' }, ctx);
    expect(refusal(r)).toEqual({ code: 'invalid', message: expect.stringMatching(/^periodStart: /) });
    await expectNothingWritten(storage);
  });
});
