import type { AttemptWindow } from '../store/sign-in-attempts-repo';
import { AUTH_POLICY } from './auth-policy';

export type LimitCheck = { readonly ok: true } | { readonly ok: false; readonly retryAfterSeconds: number };

export const accountKey = (email: string): string => `account:${email}`;
export const addressKey = (ip: string): string => `ip:${ip}`;

/**
 * Refused once `max` failures fall inside the window; the wait is until the oldest of
 * them leaves it (at least one second).
 */
export const checkLimit = (window: AttemptWindow, max: number, now: Date, windowMs: number = AUTH_POLICY.signInWindowMs): LimitCheck => {
  if (window.count < max || window.oldest === null) return { ok: true };
  const freeAt = Date.parse(window.oldest) + windowMs;
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000)) };
};

/** The stricter of several checks: refused if any refuses, with the longest wait. */
export const combineLimits = (checks: readonly LimitCheck[]): LimitCheck => {
  let wait = 0;
  for (const c of checks) if (!c.ok) wait = Math.max(wait, c.retryAfterSeconds);
  return wait > 0 ? { ok: false, retryAfterSeconds: wait } : { ok: true };
};
