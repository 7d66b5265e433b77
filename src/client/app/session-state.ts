import type { Actor } from '../../domain/permissions/actor';
import type { MeResponse } from '../../sync/auth-protocol';
import type { ApiFailure } from '../platform/api-result';
import type { IdbStorage } from '../storage/idb-storage';

/** What the server last said about this device's session for the signed-in user. */
export type ServerSession =
  /** Not asked yet since start-up (or offline since): the app works from the device registry. */
  | 'unchecked'
  | 'confirmed'
  /** 401, or the cookie now belongs to someone else: local work is kept, syncing needs a new sign-in. */
  | 'expired';

export type SignedInSession = {
  readonly me: MeResponse;
  readonly actor: Actor;
  /** The user's own database (tickmark-user-<id>). */
  readonly storage: IdbStorage;
  readonly confirmedAt: string;
  readonly server: ServerSession;
  /** 'startup': reopened from the registry on load; 'sign-in': just signed in (the screen takes the focus). */
  readonly via: 'startup' | 'sign-in';
};

export type Notice = { readonly tone: 'info' | 'warning'; readonly text: string };

export type SessionState =
  | { readonly status: 'starting' }
  | { readonly status: 'signed-out'; readonly notice: Notice | null }
  | { readonly status: 'signed-in'; readonly session: SignedInSession }
  /** Between two users, or while signing out: nothing may read the store being closed. */
  | { readonly status: 'busy'; readonly message: string }
  | { readonly status: 'failed'; readonly title: string; readonly message: string };

/** Opening the new user's store failed after the server accepted the sign-in. */
export type StorageFailure = { readonly ok: false; readonly kind: 'storage'; readonly message: string };

export type SignInOutcome = { readonly ok: true; readonly me: MeResponse } | ApiFailure | StorageFailure;

export type SignOutOptions = { readonly wipe: boolean };
