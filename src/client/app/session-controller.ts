import type { MeResponse } from '../../sync/auth-protocol';
import { ensureClientMeta } from '../../sync/client-meta';
import type { AcceptInvitationBody, ApiClient, SignInBody } from '../platform/api-client';
import type { ApiResult } from '../platform/api-result';
import type { DeviceRegistry } from '../storage/device-registry';
import { openIdbStorage, type IdbStorage } from '../storage/idb-storage';
import { deleteUserDatabase, userDbName } from '../storage/user-database';
import { actorFromMe } from './actor-from-me';
import type { ServerSession, SessionState, SignedInSession, SignInOutcome, SignOutOptions, StorageFailure } from './session-state';
import { signOutNotice } from './sign-out-notice';

export type SessionController = {
  readonly current: () => SessionState;
  readonly subscribe: (listener: () => void) => () => void;
  /** Reads the registry and opens the current user's store: no network, so it works offline. */
  readonly start: () => Promise<void>;
  /** Asks the server who the session belongs to; offline, nothing changes. */
  readonly refresh: () => Promise<void>;
  readonly signIn: (body: SignInBody, hooks?: SignInHooks) => Promise<SignInOutcome>;
  readonly acceptInvitation: (token: string, body: AcceptInvitationBody, hooks?: SignInHooks) => Promise<SignInOutcome>;
  /** For the sync transport: the server answered 401. */
  readonly markExpired: () => void;
  readonly signOut: (options: SignOutOptions) => Promise<void>;
};

export type SignInHooks = {
  /**
   * Runs right before the signed-in state is published, so a navigation made here renders
   * together with it (the screen that asked is about to be replaced).
   */
  readonly beforeSignedIn?: () => void;
};

export type SessionControllerDeps = {
  readonly api: ApiClient;
  readonly registry: DeviceRegistry;
  readonly now: () => string;
  readonly newClientId: () => string;
};

const describe = (e: unknown): string => (e instanceof Error || e instanceof DOMException ? e.message : String(e));

/** Lets React render the state just set (and unmount what used the old store) before the store closes. */
const afterRender = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export const createSessionController = ({ api, registry, now, newClientId }: SessionControllerDeps): SessionController => {
  let state: SessionState = { status: 'starting' };
  const listeners = new Set<() => void>();
  const set = (next: SessionState): void => {
    state = next;
    for (const l of listeners) l();
  };
  const signedIn = (): SignedInSession | null => (state.status === 'signed-in' ? state.session : null);

  const setServer = (userId: string, server: ServerSession, me?: MeResponse, confirmedAt?: string): void => {
    const session = signedIn();
    if (!session || session.me.user.id !== userId) return;
    set({
      status: 'signed-in',
      session: { ...session, server, ...(me ? { me, actor: actorFromMe(me) } : {}), ...(confirmedAt ? { confirmedAt } : {}) },
    });
  };

  const openUserStore = async (userId: string): Promise<{ readonly ok: true; readonly storage: IdbStorage } | StorageFailure> => {
    const opened = await openIdbStorage(userDbName(userId), {
      onVersionChange: () =>
        set({
          status: 'failed',
          title: 'Tickmark changed in another tab',
          message: 'Another tab updated Tickmark or signed out. Your saved work is safe on this device. Reload this tab to continue.',
        }),
      onTerminated: () =>
        set({ status: 'failed', title: "The browser closed Tickmark's offline storage", message: 'Reload to reopen it. Changes saved before this are kept.' }),
    });
    if (!opened.ok) return { ok: false, kind: 'storage', message: opened.message };
    try {
      await ensureClientMeta(opened.storage, newClientId);
    } catch (e) {
      opened.storage.close();
      return { ok: false, kind: 'storage', message: `Preparing the offline store failed: ${describe(e)}` };
    }
    return { ok: true, storage: opened.storage };
  };

  /** The server vouched for `me`: continue with the same store if it is the same user, else switch stores. */
  const adopt = async (me: MeResponse, hooks: SignInHooks): Promise<SignInOutcome> => {
    const confirmedAt = now();
    const previous = signedIn();
    if (previous && previous.me.user.id === me.user.id) {
      // The store is already open: a registry that cannot be written costs only the profile refresh.
      await registry.setCurrentUser(me, confirmedAt).catch(() => undefined);
      hooks.beforeSignedIn?.();
      setServer(me.user.id, 'confirmed', me, confirmedAt);
      return { ok: true, me };
    }
    const opened = await openUserStore(me.user.id);
    if (!opened.ok) return opened;
    try {
      await registry.setCurrentUser(me, confirmedAt);
    } catch (e) {
      opened.storage.close();
      return { ok: false, kind: 'storage', message: `This device could not remember the sign-in: ${describe(e)}` };
    }
    if (previous) {
      // The previous user's data stays on the device, closed and out of sight.
      set({ status: 'busy', message: `Switching to ${me.user.name}…` });
      await afterRender();
      previous.storage.close();
    }
    hooks.beforeSignedIn?.();
    set({ status: 'signed-in', session: { me, actor: actorFromMe(me), storage: opened.storage, confirmedAt, server: 'confirmed', via: 'sign-in' } });
    return { ok: true, me };
  };

  const adoptResult = async (result: ApiResult<MeResponse>, hooks: SignInHooks = {}): Promise<SignInOutcome> =>
    result.ok ? adopt(result.data, hooks) : result;

  const start = async (): Promise<void> => {
    const read = await registry.currentUser().catch((e: unknown) => ({ status: 'invalid' as const, message: describe(e) }));
    switch (read.status) {
      case 'none':
        set({ status: 'signed-out', notice: null });
        return;
      case 'invalid':
        await registry.clearCurrentUser().catch(() => undefined);
        set({ status: 'signed-out', notice: { tone: 'warning', text: `${read.message}. Sign in again: work saved on this device is kept.` } });
        return;
      case 'signed-in': {
        const { me, confirmedAt } = read.entry;
        const opened = await openUserStore(me.user.id);
        if (!opened.ok) {
          set({ status: 'failed', title: 'Tickmark cannot save on this device', message: opened.message });
          return;
        }
        set({ status: 'signed-in', session: { me, actor: actorFromMe(me), storage: opened.storage, confirmedAt, server: 'unchecked', via: 'startup' } });
        return;
      }
    }
  };

  const refresh = async (): Promise<void> => {
    const session = signedIn();
    if (!session) return;
    const userId = session.me.user.id;
    const result = await api.me();
    if (result.ok) {
      // The cookie is shared by every tab: another tab may have signed someone else in.
      if (result.data.user.id !== userId) {
        setServer(userId, 'expired');
        return;
      }
      const confirmedAt = now();
      if (signedIn()?.me.user.id !== userId) return;
      await registry.setCurrentUser(result.data, confirmedAt).catch(() => undefined);
      setServer(userId, 'confirmed', result.data, confirmedAt);
      return;
    }
    switch (result.kind) {
      case 'unauthorized':
        setServer(userId, 'expired');
        return;
      case 'network':
        // Offline: keep working from the registry; the sync badge already says offline.
        return;
      case 'forbidden':
      case 'not_found':
      case 'gone':
      case 'conflict':
      case 'invalid':
      case 'rate_limited':
      case 'server':
        // Not an answer about the session: keep what we know and ask again later.
        return;
    }
  };

  const signOut = async ({ wipe }: SignOutOptions): Promise<void> => {
    const session = signedIn();
    if (!session) return;
    set({ status: 'busy', message: wipe ? 'Signing out and removing your data…' : 'Signing out…' });
    const server = await api.signOut();
    await registry.clearCurrentUser().catch(() => undefined);
    await afterRender();
    session.storage.close();
    const wiped = wipe ? await deleteUserDatabase(session.me.user.id) : null;
    set({ status: 'signed-out', notice: signOutNotice(server, wiped) });
  };

  return {
    current: () => state,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start,
    refresh,
    signIn: async (body, hooks) => adoptResult(await api.signIn(body), hooks),
    acceptInvitation: async (token, body, hooks) => adoptResult(await api.acceptInvitation(token, body), hooks),
    markExpired: () => {
      const session = signedIn();
      if (session) setServer(session.me.user.id, 'expired');
    },
    signOut,
  };
};
