import { v7 } from 'uuid';
import type { Queryable } from '../store/db';
import { createSessionsRepo, type SessionRow } from '../store/sessions-repo';
import { createUsersRepo, type User } from '../store/users-repo';
import { AUTH_POLICY, type Clock } from './auth-policy';
import { hashToken, newOpaqueToken } from './session-token';

export type StartedSession = { readonly token: string; readonly session: SessionRow };

export type SessionCheck =
  | { readonly ok: true; readonly session: SessionRow; readonly user: User }
  | { readonly ok: false; readonly reason: 'unknown' | 'revoked' | 'expired' | 'idle' | 'disabled' };

/** Why a session no longer counts, in words a person can act on. */
export const sessionRefusal = (reason: Extract<SessionCheck, { ok: false }>['reason'] | 'missing'): string => {
  switch (reason) {
    case 'missing':
      return 'Sign in to continue';
    case 'unknown':
    case 'revoked':
      return 'You are signed out: sign in again';
    case 'expired':
    case 'idle':
      return 'Your session has expired: sign in again';
    case 'disabled':
      return 'This account is disabled';
  }
};

/** Opaque-token sessions: issue, check (with idle and absolute expiry), end. */
export const createSessions = (now: Clock) => ({
  start: async (q: Queryable, userId: string, userAgent: string | null): Promise<StartedSession> => {
    const at = now();
    const token = newOpaqueToken();
    const repo = createSessionsRepo(q);
    await repo.deleteDeadOfUser(userId, at);
    const session = await repo.create({
      id: v7(),
      userId,
      tokenHash: hashToken(token),
      now: at,
      expiresAt: new Date(at.getTime() + AUTH_POLICY.sessionAbsoluteMs),
      userAgent: userAgent === null ? null : userAgent.slice(0, 500),
    });
    return { token, session };
  },

  check: async (q: Queryable, token: string): Promise<SessionCheck> => {
    const at = now();
    const session = await createSessionsRepo(q).findByTokenHash(hashToken(token));
    if (!session) return { ok: false, reason: 'unknown' };
    if (session.revokedAt !== null) return { ok: false, reason: 'revoked' };
    if (Date.parse(session.expiresAt) <= at.getTime()) return { ok: false, reason: 'expired' };
    const lastSeen = Date.parse(session.lastSeenAt);
    if (lastSeen + AUTH_POLICY.sessionIdleMs <= at.getTime()) return { ok: false, reason: 'idle' };
    const user = await createUsersRepo(q).findById(session.userId);
    if (!user) return { ok: false, reason: 'unknown' };
    if (user.disabled) return { ok: false, reason: 'disabled' };
    if (at.getTime() - lastSeen >= AUTH_POLICY.sessionTouchEveryMs) await createSessionsRepo(q).touch(session.id, at);
    return { ok: true, session, user };
  },

  /** Revokes the session of `token` if it is live; ending an unknown or ended one is not an error. */
  end: async (q: Queryable, token: string): Promise<void> => {
    await createSessionsRepo(q).revokeByTokenHash(hashToken(token), now());
  },
});

export type Sessions = ReturnType<typeof createSessions>;
