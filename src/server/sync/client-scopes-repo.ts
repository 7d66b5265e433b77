import type { Queryable } from '../store/db';
import { scopeSchema, type Scope } from './pull-scope';

/** The scope each client was sent, per cookie it was answered (003-sync.sql, client_scopes). */
export const createClientScopesRepo = (q: Queryable) => ({
  /** The scope sent with `cookie`, or null when this server never answered that cookie (or forgot it). */
  find: async (clientId: string, cookie: number): Promise<Scope | null> => {
    const { rows } = await q.query<{ scope: unknown }>('SELECT scope FROM client_scopes WHERE client_id = $1 AND cookie = $2', [clientId, cookie]);
    const row = rows[0];
    if (!row) return null;
    const parsed = scopeSchema.safeParse(row.scope);
    // A row this version cannot read counts as unknown: the client is then sent everything again.
    return parsed.success ? parsed.data : null;
  },

  /**
   * Remembers what was sent with `cookie`, and forgets the cookies below `answered`: a
   * client that sends a cookie has applied the answer that gave it, so it never goes back.
   */
  save: async (clientId: string, cookie: number, scope: Scope, answered: number | null): Promise<void> => {
    await q.query(
      `INSERT INTO client_scopes (client_id, cookie, scope) VALUES ($1, $2, $3::text::jsonb)
       ON CONFLICT (client_id, cookie) DO UPDATE SET scope = EXCLUDED.scope, created_at = now()`,
      [clientId, cookie, JSON.stringify(scope)],
    );
    if (answered !== null) await q.query('DELETE FROM client_scopes WHERE client_id = $1 AND cookie < $2', [clientId, Math.min(answered, cookie)]);
  },
});
