import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 } from 'uuid';
import type { AnyRecord, RecordOf } from '../../src/domain/records/record-kinds';
import type { PullResponse } from '../../src/sync/protocol';
import { createRecordsRepo } from '../../src/server/store/records-repo';
import { PULL_PAGE_SIZE } from '../../src/server/sync/pull';
import { openAuthApp, type AuthApp } from './auth-harness';
import { applyAnswers, demoSample, expectedHoldings, mutation, putRecords, signedInSession } from './sync-harness';
import { TEST_DBS } from './test-dbs';

const EXTRA_ITEMS = 1500;

/** Enough population items in the demo Type 2 that a full pull takes several pages. */
const addPopulationItems = async (h: AuthApp, count: number): Promise<void> => {
  const [population] = await createRecordsRepo(h.t.db).list('population', h.type2);
  if (!population) throw new Error('no demo population');
  const items: RecordOf<'populationItem'>[] = Array.from({ length: count }, (_, i) => ({
    id: v7(),
    kind: 'populationItem',
    engagementId: h.type2,
    version: 0,
    updatedAt: new Date().toISOString(),
    updatedBy: h.userIds.manager,
    deleted: false,
    populationId: population.id,
    key: `EXTRA-${i}`,
    label: `Extra item ${i}`,
    date: '2026-05-01',
    fields: {},
  }));
  await putRecords(h, items);
};

const membershipOf = async (h: AuthApp, engagementId: string, userId: string): Promise<RecordOf<'membership'>> => {
  const found = (await createRecordsRepo(h.t.db).list('membership', engagementId)).find((m) => m.userId === userId && !m.deleted);
  if (!found) throw new Error(`no membership of ${userId} in ${engagementId}`);
  return found;
};

const engagementsIn = (a: PullResponse): Set<string> => new Set(a.patch.flatMap((op) => (op.op === 'put' ? [op.value.engagementId] : [])));

const expectIncreasingPages = (answers: readonly PullResponse[]) => {
  for (const [i, a] of answers.entries()) {
    expect(a.patch.length).toBeLessThanOrEqual(PULL_PAGE_SIZE);
    if (i < answers.length - 1) expect(a.more).toBe(true);
    else expect(a.more).toBeUndefined();
    if (i > 0) expect(a.cookie).toBeGreaterThan(answers[i - 1]?.cookie ?? Infinity);
  }
};

describe.each(TEST_DBS)('POST /api/sync/pull on $name', (target) => {
  let h: AuthApp;
  beforeAll(async () => {
    h = await openAuthApp(target);
    await addPopulationItems(h, EXTRA_ITEMS);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('sends a fresh client everything in its scope, in version order, in pages of at most 1000 with increasing cookies', async () => {
    const manager = await signedInSession(h, 'manager');
    const answers = await manager.pullAll(null);
    const expected = await expectedHoldings(h, h.userIds.manager);
    expect(expected.size).toBeGreaterThan(2 * PULL_PAGE_SIZE);
    expect(answers).toHaveLength(Math.floor(expected.size / PULL_PAGE_SIZE) + 1);
    expectIncreasingPages(answers);
    expect(answers.every((a) => a.lastMutationId === 0 && a.reset === undefined)).toBe(true);
    for (const [i, a] of answers.entries()) {
      const versions = a.patch.map((op) => (op.op === 'put' ? op.value.version : -1));
      expect(versions).toEqual([...versions].sort((x, y) => x - y));
      expect(Math.max(...versions)).toBeLessThanOrEqual(a.cookie);
      if (i > 0) expect(Math.min(...versions)).toBeGreaterThan(answers[i - 1]?.cookie ?? Infinity);
    }
    expect(answers.at(-1)?.cookie).toBe(await createRecordsRepo(h.t.db).currentVersion());
    expect(applyAnswers(answers)).toEqual(expected);
    const engagements = new Set(answers.flatMap((a) => [...engagementsIn(a)]));
    expect(engagements).toEqual(new Set([h.type1, h.type2]));
  });

  it('then sends only what changed, tombstones as dels, with the client’s last mutation id; the same cookie again gets the same answer', async () => {
    const manager = await signedInSession(h, 'manager');
    const answers = await manager.pullAll(null);
    let local = applyAnswers(answers);
    const cookie = answers.at(-1)?.cookie ?? 0;

    expect(await manager.pull(cookie)).toEqual({ cookie, lastMutationId: 0, patch: [] });

    const sample = await demoSample(h, 0);
    const args = sample.args();
    expect((await manager.push([mutation(1, 'recordResult', args)])).results[0]?.status).toBe('applied');
    const afterResult = await manager.pull(cookie);
    const result = await createRecordsRepo(h.t.db).get('result', args.id);
    expect(afterResult).toEqual({ cookie: result?.version, lastMutationId: 1, patch: [{ op: 'put', kind: 'result', id: args.id, value: result }] });
    local = applyAnswers([afterResult], local);

    const [control] = await createRecordsRepo(h.t.db).list('control', h.type2);
    if (!control) throw new Error('no demo control');
    await putRecords(h, [{ ...control, deleted: true }]);
    const afterDelete = await manager.pull(afterResult.cookie);
    expect(afterDelete.patch).toEqual([{ op: 'del', kind: 'control', id: control.id }]);
    expect(afterDelete.cookie).toBe(await createRecordsRepo(h.t.db).currentVersion());
    // The answer was lost: asking again from the same cookie gets the same.
    expect(await manager.pull(afterResult.cookie)).toEqual(afterDelete);
    local = applyAnswers([afterDelete], local);
    expect(local).toEqual(await expectedHoldings(h, h.userIds.manager));
  });

  it('answers a cookie it never gave by resetting the scope and sending it in full', async () => {
    const auditor = await signedInSession(h, 'auditor');
    const answers = await auditor.pullAll(123_456_789);
    expect(answers[0]?.reset).toEqual([h.type2]);
    expect(applyAnswers(answers)).toEqual(await expectedHoldings(h, h.userIds.auditor));
  });
});

describe.each(TEST_DBS)('pull when the scope changes on $name', (target) => {
  let h: AuthApp;
  beforeAll(async () => {
    h = await openAuthApp(target);
    await addPopulationItems(h, EXTRA_ITEMS);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('resets an engagement the user was removed from, sends nothing of it after, and sends one they were added to in full', async () => {
    const auditor = await signedInSession(h, 'auditor');
    const first = await auditor.pullAll(null);
    let local = applyAnswers(first);
    expect(local).toEqual(await expectedHoldings(h, h.userIds.auditor));
    let cookie = first.at(-1)?.cookie ?? 0;

    // Removed from Demo Type 2 (the membership tombstoned), then the engagement changes.
    const membership = await membershipOf(h, h.type2, h.userIds.auditor);
    await putRecords(h, [{ ...membership, deleted: true }]);
    const [control] = await createRecordsRepo(h.t.db).list('control', h.type2);
    if (!control) throw new Error('no demo control');
    await putRecords(h, [{ ...control, description: 'Changed after the auditor left' }]);

    const removed = await auditor.pull(cookie);
    expect(removed.reset).toEqual([h.type2]);
    expect(removed.patch).toEqual([]);
    expect(await auditor.pull(cookie)).toEqual(removed);
    local = applyAnswers([removed], local);
    expect(local.size).toBe(0);
    cookie = removed.cookie;
    await putRecords(h, [{ ...control, description: 'Changed again' }]);
    expect(await auditor.pull(cookie)).toEqual({ cookie: await createRecordsRepo(h.t.db).currentVersion(), lastMutationId: 0, patch: [] });

    // Added to the Type 1: sent from version 0, though every one of its records is older than the cookie.
    const type1Membership: AnyRecord = { id: v7(), kind: 'membership', engagementId: h.type1, version: 0, updatedAt: new Date().toISOString(), updatedBy: h.userIds.manager, deleted: false, userId: h.userIds.auditor, role: 'auditor', organization: null };
    await putRecords(h, [type1Membership]);
    const added = await auditor.pullAll(cookie);
    expect(added.every((a) => a.reset === undefined)).toBe(true);
    local = applyAnswers(added, local);
    const expectedType1 = await expectedHoldings(h, h.userIds.auditor);
    expect([...expectedType1.values()].filter((r) => r.kind === 'control').length).toBeGreaterThan(0);
    expect(local).toEqual(expectedType1);
    cookie = added.at(-1)?.cookie ?? 0;

    // Back on Demo Type 2, which is larger than a page: it streams in pages, and the client ends up whole.
    await putRecords(h, [{ ...membership, id: v7(), deleted: false }]);
    const readded = await auditor.pullAll(cookie);
    expect(readded.length).toBeGreaterThan(2);
    expect(readded.every((a) => a.patch.length <= PULL_PAGE_SIZE)).toBe(true);
    local = applyAnswers(readded, local);
    expect(local).toEqual(await expectedHoldings(h, h.userIds.auditor));
  });

  it('resets and resends an engagement the user now sees in another role', async () => {
    const auditor = await signedInSession(h, 'auditor');
    const first = await auditor.pullAll(null);
    let local = applyAnswers(first);
    const membership = await membershipOf(h, h.type1, h.userIds.auditor);
    await putRecords(h, [{ ...membership, role: 'client', organization: 'Other Co' }]);
    const answers = await auditor.pullAll(first.at(-1)?.cookie ?? 0);
    expect(answers[0]?.reset).toEqual([h.type1]);
    local = applyAnswers(answers, local);
    const expected = await expectedHoldings(h, h.userIds.auditor);
    expect(local).toEqual(expected);
    expect([...local.values()].filter((r) => r.engagementId === h.type1).map((r) => r.kind).sort()).toEqual(['engagement', 'membership']);
  });
});
