import type { Queryable } from './db';

export type AttemptWindow = { readonly count: number; readonly oldest: string | null };

/** Failed sign-ins per key ('account:<email>', 'ip:<addr>'), shared by every server instance. */
export const createSignInAttemptsRepo = (q: Queryable) => ({
  /** How many failures `key` had since `since`, and when the oldest of them was. */
  inWindow: async (key: string, since: Date): Promise<AttemptWindow> => {
    const { rows } = await q.query<{ n: number; oldest: string | null }>(
      'SELECT count(*) AS n, min(at) AS oldest FROM sign_in_attempts WHERE key = $1 AND at > $2',
      [key, since.toISOString()],
    );
    return { count: rows[0]?.n ?? 0, oldest: rows[0]?.oldest ?? null };
  },

  /** Records one failure under each key, and forgets failures older than `forgetBefore`. */
  record: async (keys: readonly string[], now: Date, forgetBefore: Date): Promise<void> => {
    await q.query('DELETE FROM sign_in_attempts WHERE at < $1', [forgetBefore.toISOString()]);
    for (const key of keys) await q.query('INSERT INTO sign_in_attempts (key, at) VALUES ($1, $2)', [key, now.toISOString()]);
  },

  clear: async (key: string): Promise<void> => {
    await q.query('DELETE FROM sign_in_attempts WHERE key = $1', [key]);
  },
});

export type SignInAttemptsRepo = ReturnType<typeof createSignInAttemptsRepo>;
