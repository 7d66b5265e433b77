import { z } from 'zod';
import type { Queryable } from './db';

export const sessionRowSchema = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  createdAt: z.iso.datetime({ offset: true }),
  lastSeenAt: z.iso.datetime({ offset: true }),
  expiresAt: z.iso.datetime({ offset: true }),
  revokedAt: z.iso.datetime({ offset: true }).nullable(),
  userAgent: z.string().nullable(),
});
export type SessionRow = z.infer<typeof sessionRowSchema>;

export type NewSession = {
  readonly id: string;
  readonly userId: string;
  readonly tokenHash: string;
  readonly now: Date;
  readonly expiresAt: Date;
  readonly userAgent: string | null;
};

const COLUMNS =
  'id, user_id AS "userId", created_at AS "createdAt", last_seen_at AS "lastSeenAt", expires_at AS "expiresAt", revoked_at AS "revokedAt", user_agent AS "userAgent"';

/** Sessions by the SHA-256 of their token; the token itself is never stored. */
export const createSessionsRepo = (q: Queryable) => ({
  create: async (s: NewSession): Promise<SessionRow> => {
    const { rows } = await q.query(
      `INSERT INTO sessions (id, user_id, token_hash, created_at, last_seen_at, expires_at, user_agent)
       VALUES ($1, $2, $3, $4, $4, $5, $6) RETURNING ${COLUMNS}`,
      [s.id, s.userId, s.tokenHash, s.now.toISOString(), s.expiresAt.toISOString(), s.userAgent],
    );
    return sessionRowSchema.parse(rows[0]);
  },

  findByTokenHash: async (tokenHash: string): Promise<SessionRow | undefined> => {
    const { rows } = await q.query(`SELECT ${COLUMNS} FROM sessions WHERE token_hash = $1`, [tokenHash]);
    return rows[0] ? sessionRowSchema.parse(rows[0]) : undefined;
  },

  /** Moves last_seen_at forward only (two requests racing never move it back). */
  touch: async (id: string, now: Date): Promise<void> => {
    await q.query('UPDATE sessions SET last_seen_at = $2 WHERE id = $1 AND last_seen_at < $2', [id, now.toISOString()]);
  },

  revokeByTokenHash: async (tokenHash: string, now: Date): Promise<boolean> => {
    const r = await q.query('UPDATE sessions SET revoked_at = $2 WHERE token_hash = $1 AND revoked_at IS NULL', [tokenHash, now.toISOString()]);
    return r.rowCount > 0;
  },

  /** Every live session of a user (disabling an account, resetting its password). */
  revokeAllOfUser: async (userId: string, now: Date): Promise<number> => {
    const r = await q.query('UPDATE sessions SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL', [userId, now.toISOString()]);
    return r.rowCount;
  },

  /** Drops a user's sessions that can never be used again, so the table does not grow without bound. */
  deleteDeadOfUser: async (userId: string, now: Date): Promise<void> => {
    await q.query('DELETE FROM sessions WHERE user_id = $1 AND (expires_at <= $2 OR revoked_at IS NOT NULL)', [userId, now.toISOString()]);
  },
});

export type SessionsRepo = ReturnType<typeof createSessionsRepo>;
