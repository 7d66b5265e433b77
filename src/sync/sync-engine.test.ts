import { v7 } from 'uuid';
import { beforeEach, describe, expect, it } from 'vitest';
import { createMemoryStorage } from '../client/storage/memory-storage';
import { engagementArgs, testContext } from '../client/storage/storage-test-records';
import { ensureClientMeta } from './client-meta';
import type { PullRequest, PullResponse, PushRequest, PushResponse } from './protocol';
import { runMutation } from './run-mutation';
import type { Storage } from './storage';
import { createSyncEngine } from './sync-engine';
import type { SyncStatus } from './sync-status';
import type { Transport, TransportResult } from './transport';

type Scripted = {
  transport: Transport;
  pushes: PushRequest[];
  pulls: PullRequest[];
};

/** A transport answering from scripts; the real HTTP one is exercised against the server in integration tests. */
const scripted = (
  onPush: (r: PushRequest) => TransportResult<PushResponse>,
  onPull: (r: PullRequest, n: number) => TransportResult<PullResponse>,
): Scripted => {
  const pushes: PushRequest[] = [];
  const pulls: PullRequest[] = [];
  return {
    pushes,
    pulls,
    transport: {
      push: async (r) => {
        pushes.push(r);
        return onPush(r);
      },
      pull: async (r) => {
        pulls.push(r);
        return onPull(r, pulls.length);
      },
    },
  };
};

const acceptAll = (r: PushRequest): TransportResult<PushResponse> => ({
  ok: true,
  data: { lastMutationId: r.mutations.at(-1)?.id ?? 0, results: r.mutations.map((m) => ({ id: m.id, status: 'applied' as const })) },
});

const timers: Array<{ fn: () => void; ms: number }> = [];
const setTimer = (fn: () => void, ms: number) => {
  const t = { fn, ms };
  timers.push(t);
  return () => void timers.splice(timers.indexOf(t), 1);
};

const NOW = '2026-12-04T12:00:00.000Z';

describe('sync engine', () => {
  let storage: Storage;
  beforeEach(async () => {
    timers.length = 0;
    storage = createMemoryStorage();
    await ensureClientMeta(storage, v7);
  });

  const engine = (t: Transport, pushBatchSize = 100) =>
    createSyncEngine({ storage, transport: t, userId: 'auditor-1', now: () => NOW, random: () => 0.5, newClientId: v7, setTimer, pushBatchSize });

  it('pushes the outbox in order and in batches, then pulls every page', async () => {
    for (let i = 0; i < 5; i++) await runMutation(storage, 'createEngagement', engagementArgs(), testContext());
    const s = scripted(acceptAll, (_r, n) => ({ ok: true, data: { cookie: n * 10, lastMutationId: 5, patch: [], more: n < 3 } }));
    const outcome = await engine(s.transport, 2).sync();

    expect(outcome).toEqual({ ok: true, pushed: 5, pulled: 0, rejected: [] });
    expect(s.pushes.map((p) => p.mutations.map((m) => m.id))).toEqual([[1, 2], [3, 4], [5]]);
    expect(s.pulls.map((p) => p.cookie)).toEqual([null, 10, 20]);
    await storage.read(async (tx) => {
      expect(await tx.outboxCount()).toBe(0);
      expect((await tx.getMeta())?.cookie).toBe(30);
    });
  });

  it('reports rejected mutations to the user and does not let them block the rest', async () => {
    for (let i = 0; i < 3; i++) await runMutation(storage, 'createEngagement', engagementArgs(), testContext());
    const s = scripted(
      (r) => ({ ok: true, data: { lastMutationId: 3, results: r.mutations.map((m) => (m.id === 1 ? { id: 1, status: 'rejected' as const, code: 'forbidden', message: 'Only managers may create engagements' } : { id: m.id, status: 'applied' as const })) } }),
      () => ({ ok: true, data: { cookie: 1, lastMutationId: 3, patch: [] } }),
    );
    const e = engine(s.transport);
    const outcome = await e.sync();
    expect(outcome.ok && outcome.rejected).toEqual([{ mutationId: 1, name: 'createEngagement', code: 'forbidden', message: 'Only managers may create engagements' }]);
    expect(e.rejected()).toHaveLength(1);
    expect(e.status()).toMatchObject({ state: 'idle', pending: 0, lastSyncedAt: NOW });
  });

  it('goes offline on a network failure, keeps the outbox and retries with backoff', async () => {
    await runMutation(storage, 'createEngagement', engagementArgs(), testContext());
    let up = false;
    const s = scripted(
      (r) => (up ? acceptAll(r) : { ok: false, kind: 'network', message: 'Failed to fetch' }),
      () => ({ ok: true, data: { cookie: 1, lastMutationId: 1, patch: [] } }),
    );
    const seen: SyncStatus[] = [];
    const e = engine(s.transport);
    e.subscribe((st) => seen.push(st));

    expect(await e.sync()).toMatchObject({ ok: false, kind: 'network' });
    expect(e.status()).toMatchObject({ state: 'offline', pending: 1 });
    expect(timers).toHaveLength(1);
    expect(timers[0]!.ms).toBe(750);

    up = true;
    timers[0]!.fn();
    await new Promise((r) => setTimeout(r, 0));
    await e.sync();
    expect(e.status()).toMatchObject({ state: 'idle', pending: 0 });
    expect(seen.some((st) => st.state === 'syncing')).toBe(true);
  });

  it('asks for sign-in on 401 and keeps every pending change', async () => {
    await runMutation(storage, 'createEngagement', engagementArgs(), testContext());
    const s = scripted(() => ({ ok: false, kind: 'unauthorized', message: 'Sign in again' }), () => ({ ok: false, kind: 'unauthorized', message: 'Sign in again' }));
    const e = engine(s.transport);
    await e.sync();
    expect(e.status()).toEqual({ state: 'needs-sign-in', pending: 1 });
    expect(timers).toHaveLength(0);
    expect(await storage.read((tx) => tx.outboxCount())).toBe(1);
  });

  it('tells the user to update on an outdated protocol', async () => {
    const s = scripted(acceptAll, () => ({ ok: false, kind: 'outdated', message: 'Reload to update' }));
    const e = engine(s.transport);
    await e.sync();
    expect(e.status()).toEqual({ state: 'outdated', message: 'Reload to update' });
  });

  it('coalesces syncs asked for while one runs into one more round', async () => {
    const s = scripted(acceptAll, () => ({ ok: true, data: { cookie: 1, lastMutationId: 0, patch: [] } }));
    const e = engine(s.transport);
    await Promise.all([e.sync(), e.sync(), e.sync()]);
    expect(s.pulls).toHaveLength(2);
  });

  it('starts again as a new client, keeping and renumbering every pending change, when the server no longer knows it', async () => {
    for (let i = 0; i < 4; i++) await runMutation(storage, 'createEngagement', engagementArgs(), testContext());
    // Mutations 1-2 reached the server and were acknowledged; then the server lost its client table.
    await storage.write((tx) => tx.dropOutboxThrough(2));
    const oldClientId = (await storage.read((tx) => tx.getMeta()))!.clientId;
    const known = new Set<string>();
    const s = scripted(
      (r) => (known.has(r.clientId) ? acceptAll(r) : r.mutations[0]?.id === 1 ? (known.add(r.clientId), acceptAll(r)) : { ok: false, kind: 'gap', message: 'send from 1', expected: 1 }),
      () => ({ ok: true, data: { cookie: 9, lastMutationId: 2, patch: [] } }),
    );
    const outcome = await engine(s.transport).sync();

    expect(outcome).toMatchObject({ ok: true, pushed: 2 });
    expect(s.pushes[0]).toMatchObject({ clientId: oldClientId });
    expect(s.pushes[0]!.mutations.map((m) => m.id)).toEqual([3, 4]);
    expect(s.pushes[1]!.clientId).not.toBe(oldClientId);
    expect(s.pushes[1]!.mutations.map((m) => m.id)).toEqual([1, 2]);
    // The renumbered changes are the same two, in the same order.
    expect(s.pushes[1]!.mutations.map((m) => m.args)).toEqual(s.pushes[0]!.mutations.map((m) => m.args));
    expect(s.pulls[0]).toMatchObject({ clientId: s.pushes[1]!.clientId, cookie: null });
    await storage.read(async (tx) => {
      expect(await tx.outboxCount()).toBe(0);
      expect(await tx.getMeta()).toMatchObject({ clientId: s.pushes[1]!.clientId, nextMutationId: 3, cookie: 9 });
    });
  });

  it('stops when the server acknowledges less than it was sent, instead of looping', async () => {
    for (let i = 0; i < 2; i++) await runMutation(storage, 'createEngagement', engagementArgs(), testContext());
    const s = scripted(() => ({ ok: true, data: { lastMutationId: 1, results: [] } }), () => ({ ok: true, data: { cookie: 1, lastMutationId: 1, patch: [] } }));
    const e = engine(s.transport);
    expect(await e.sync()).toMatchObject({ ok: false, kind: 'server' });
    expect(s.pushes).toHaveLength(1);
    expect(e.status()).toMatchObject({ state: 'error', pending: 2 });
  });
});
