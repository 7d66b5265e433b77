const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** The numbers of the security model in one place, so tests and code agree on them. */
export const AUTH_POLICY = {
  /** A session ends this long after sign-in, however active it is. */
  sessionAbsoluteMs: 14 * DAY_MS,
  /** …or after this long without a request. */
  sessionIdleMs: 3 * DAY_MS,
  /** last_seen_at is written at most this often: one UPDATE per request would be a write per read. */
  sessionTouchEveryMs: MINUTE_MS,
  invitationLifetimeMs: 7 * DAY_MS,
  signInWindowMs: 15 * MINUTE_MS,
  maxFailuresPerAccount: 5,
  maxFailuresPerAddress: 20,
  /** Bodies of auth and team requests are small; anything larger is refused before parsing. */
  bodyLimitBytes: 64 * 1024,
} as const;

export type Clock = () => Date;
