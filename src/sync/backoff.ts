/** Exponential backoff with jitter, so many clients coming back online don't retry in step. */
export type BackoffPolicy = { readonly baseMs: number; readonly capMs: number };

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, capMs: 5 * 60_000 };

/** `random` returns [0, 1): the delay lies in [½, 1] × min(cap, base × 2^attempt). */
export const backoffDelay = (attempt: number, random: () => number, policy: BackoffPolicy = DEFAULT_BACKOFF): number => {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt));
  return Math.round(ceiling * (0.5 + random() / 2));
};
