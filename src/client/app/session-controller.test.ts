import 'fake-indexeddb/auto';
import { v7 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import type { MeResponse } from '../../sync/auth-protocol';
import type { ApiClient } from '../platform/api-client';
import type { ApiResult } from '../platform/api-result';
import type { CurrentUserRead, DeviceRegistry } from '../storage/device-registry';
import { userDbName } from '../storage/user-database';
import { createSessionController, type SessionController } from './session-controller';
import type { SessionState, SignedInSession } from './session-state';

const meFor = (name: string): MeResponse => ({
  user: { id: v7(), email: `${name.toLowerCase()}@demo.test`, name, firmRole: null },
  memberships: [{ engagementId: v7(), role: 'auditor', organization: null }],
});

const unused = async (): Promise<never> => {
  throw new Error('not used by this test');
};

/** Answers are queued per route; a route asked with nothing queued fails the test. */
const fakeApi = () => {
  const queues = { me: [] as ApiResult<MeResponse>[], signIn: [] as ApiResult<MeResponse>[], signOut: [] as ApiResult<null>[] };
  const next = <T>(queue: ApiResult<T>[], route: string): Promise<ApiResult<T>> => {
    const answer = queue.shift();
    if (!answer) throw new Error(`unexpected call to ${route}`);
    return Promise.resolve(answer);
  };
  const api: ApiClient = {
    me: () => next(queues.me, 'me'),
    signIn: () => next(queues.signIn, 'signIn'),
    signOut: () => next(queues.signOut, 'signOut'),
    invitationInfo: unused,
    acceptInvitation: unused,
    team: unused,
    createInvitation: unused,
    changeMember: unused,
    removeMember: unused,
    revokeInvitation: unused,
  };
  return { api, queues };
};

const memoryRegistry = (initial: CurrentUserRead = { status: 'none' }) => {
  let current: CurrentUserRead = initial;
  const registry: DeviceRegistry = {
    currentUser: async () => current,
    setCurrentUser: async (me, confirmedAt) => {
      current = { status: 'signed-in', entry: { me, confirmedAt } };
      return { me, confirmedAt };
    },
    clearCurrentUser: async () => {
      current = { status: 'none' };
    },
    close: () => undefined,
  };
  return { registry, read: () => current };
};

const controllers: SessionController[] = [];
const make = (api: ApiClient, registry: DeviceRegistry): SessionController => {
  const c = createSessionController({ api, registry, now: () => '2026-03-01T10:00:00.000Z', newClientId: v7 });
  controllers.push(c);
  return c;
};

afterEach(async () => {
  for (const c of controllers.splice(0)) {
    const state = c.current();
    if (state.status === 'signed-in') state.session.storage.close();
  }
  for (const db of await indexedDB.databases()) if (db.name) indexedDB.deleteDatabase(db.name);
});

const signedIn = (state: SessionState): SignedInSession => {
  if (state.status !== 'signed-in') throw new Error(`expected signed-in, got ${state.status}`);
  return state.session;
};

const dbNames = async (): Promise<string[]> => (await indexedDB.databases()).map((d) => d.name ?? '');

describe('session controller', () => {
  it('starts signed out with an empty registry, and signs in to the user’s own database', async () => {
    const { api, queues } = fakeApi();
    const reg = memoryRegistry();
    const session = make(api, reg.registry);
    await session.start();
    expect(session.current()).toEqual({ status: 'signed-out', notice: null });

    const ana = meFor('Ana');
    queues.signIn.push({ ok: true, data: ana });
    expect(await session.signIn({ email: ana.user.email, password: 'pw' })).toEqual({ ok: true, me: ana });
    const s = signedIn(session.current());
    expect(s).toMatchObject({ me: ana, server: 'confirmed', via: 'sign-in', actor: { userId: ana.user.id, memberships: ana.memberships } });
    expect(s.storage.dbName).toBe(userDbName(ana.user.id));
    expect(reg.read()).toMatchObject({ status: 'signed-in', entry: { me: ana } });
  });

  it('opens the registry’s user without the network, then marks the session ended on 401 and continues the same store on re-sign-in', async () => {
    const ana = meFor('Ana');
    const { api, queues } = fakeApi();
    const session = make(api, memoryRegistry({ status: 'signed-in', entry: { me: ana, confirmedAt: '2026-02-01T00:00:00.000Z' } }).registry);
    await session.start();
    const first = signedIn(session.current());
    expect(first).toMatchObject({ server: 'unchecked', via: 'startup' });

    queues.me.push({ ok: false, kind: 'network', message: 'offline' });
    await session.refresh();
    expect(signedIn(session.current()).server).toBe('unchecked');

    queues.me.push({ ok: false, kind: 'unauthorized', message: 'Not signed in' });
    await session.refresh();
    expect(signedIn(session.current()).server).toBe('expired');
    await first.storage.write((tx) => tx.setMeta({ clientId: v7(), nextMutationId: 7, cookie: null }));

    queues.signIn.push({ ok: true, data: ana });
    await session.signIn({ email: ana.user.email, password: 'pw' });
    const again = signedIn(session.current());
    expect(again.server).toBe('confirmed');
    expect(again.storage).toBe(first.storage);
    expect(await again.storage.read((tx) => tx.getMeta())).toMatchObject({ nextMutationId: 7 });
  });

  it('gives another user their own store and leaves the first user’s database on the device', async () => {
    const ana = meFor('Ana');
    const ben = meFor('Ben');
    const { api, queues } = fakeApi();
    const reg = memoryRegistry({ status: 'signed-in', entry: { me: ana, confirmedAt: '2026-02-01T00:00:00.000Z' } });
    const session = make(api, reg.registry);
    await session.start();
    const anaStore = signedIn(session.current()).storage;

    queues.signIn.push({ ok: true, data: ben });
    await session.signIn({ email: ben.user.email, password: 'pw' });
    const s = signedIn(session.current());
    expect(s.me.user.id).toBe(ben.user.id);
    expect(s.storage.dbName).toBe(userDbName(ben.user.id));
    await expect(anaStore.read((tx) => tx.getMeta())).rejects.toThrow();
    expect(await dbNames()).toEqual(expect.arrayContaining([userDbName(ana.user.id), userDbName(ben.user.id)]));
    expect(reg.read()).toMatchObject({ entry: { me: { user: { id: ben.user.id } } } });
  });

  it('treats a session that now belongs to someone else as ended', async () => {
    const ana = meFor('Ana');
    const { api, queues } = fakeApi();
    const session = make(api, memoryRegistry({ status: 'signed-in', entry: { me: ana, confirmedAt: '2026-02-01T00:00:00.000Z' } }).registry);
    await session.start();
    queues.me.push({ ok: true, data: meFor('Ben') });
    await session.refresh();
    expect(signedIn(session.current())).toMatchObject({ server: 'expired', me: ana });
  });

  it('signs out keeping the database, or removing it; offline, the notice says the server session ends on its own', async () => {
    const ana = meFor('Ana');
    const { api, queues } = fakeApi();
    const reg = memoryRegistry();
    const session = make(api, reg.registry);
    await session.start();

    queues.signIn.push({ ok: true, data: ana });
    await session.signIn({ email: ana.user.email, password: 'pw' });
    queues.signOut.push({ ok: false, kind: 'network', message: 'offline' });
    await session.signOut({ wipe: false });
    const kept = session.current();
    expect(kept.status).toBe('signed-out');
    expect(kept.status === 'signed-out' && kept.notice?.text).toMatch(/stays on this device.*offline.*ends when it expires/);
    expect(reg.read()).toEqual({ status: 'none' });
    expect(await dbNames()).toContain(userDbName(ana.user.id));

    queues.signIn.push({ ok: true, data: ana });
    await session.signIn({ email: ana.user.email, password: 'pw' });
    queues.signOut.push({ ok: true, data: null });
    await session.signOut({ wipe: true });
    const wiped = session.current();
    expect(wiped.status === 'signed-out' && wiped.notice).toEqual({ tone: 'info', text: "You're signed out and your data was removed from this device." });
    expect(await dbNames()).not.toContain(userDbName(ana.user.id));
  });

  it('reads a damaged registry as signed out and says so', async () => {
    const { api } = fakeApi();
    const reg = memoryRegistry({ status: 'invalid', message: 'The saved sign-in could not be read (me.user.id: Invalid UUID)' });
    const session = make(api, reg.registry);
    await session.start();
    const state = session.current();
    expect(state.status === 'signed-out' && state.notice?.tone).toBe('warning');
    expect(state.status === 'signed-out' && state.notice?.text).toContain('me.user.id');
    expect(reg.read()).toEqual({ status: 'none' });
  });

  it('returns a refused sign-in as a value and stays signed out', async () => {
    const { api, queues } = fakeApi();
    const session = make(api, memoryRegistry().registry);
    await session.start();
    queues.signIn.push({ ok: false, kind: 'rate_limited', message: 'Too many', retryAfterSeconds: 120 });
    expect(await session.signIn({ email: 'a@b.test', password: 'x' })).toMatchObject({ ok: false, kind: 'rate_limited', retryAfterSeconds: 120 });
    expect(session.current().status).toBe('signed-out');
  });
});
