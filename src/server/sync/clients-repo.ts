import type { Queryable } from '../store/db';

export type ClientRow = { readonly userId: string; readonly lastMutationId: number };

const COLUMNS = 'user_id AS "userId", last_mutation_id AS "lastMutationId"';

/** Browser profiles (clientId) and how far the server got with each one's mutations. */
export const createClientsRepo = (q: Queryable) => ({
  /**
   * The client's row, registering it to `userId` the first time it is seen. Two first
   * requests at once both find the one row that was inserted.
   */
  register: async (clientId: string, userId: string): Promise<ClientRow> => {
    await q.query('INSERT INTO clients (client_id, user_id) VALUES ($1, $2) ON CONFLICT (client_id) DO NOTHING', [clientId, userId]);
    const { rows } = await q.query<ClientRow>(`SELECT ${COLUMNS} FROM clients WHERE client_id = $1`, [clientId]);
    const row = rows[0];
    if (!row) throw new Error(`clients: the row of ${clientId} vanished right after it was registered`);
    return row;
  },

  find: async (clientId: string): Promise<ClientRow | undefined> => {
    const { rows } = await q.query<ClientRow>(`SELECT ${COLUMNS} FROM clients WHERE client_id = $1`, [clientId]);
    return rows[0];
  },

  /** Locks the row to the end of the transaction: one mutation of a client at a time. */
  lock: async (clientId: string): Promise<ClientRow | undefined> => {
    const { rows } = await q.query<ClientRow>(`SELECT ${COLUMNS} FROM clients WHERE client_id = $1 FOR UPDATE`, [clientId]);
    return rows[0];
  },

  advance: async (clientId: string, lastMutationId: number, at: string): Promise<void> => {
    await q.query('UPDATE clients SET last_mutation_id = $2, last_seen_at = $3 WHERE client_id = $1', [clientId, lastMutationId, at]);
  },

  touch: async (clientId: string, at: string): Promise<void> => {
    await q.query('UPDATE clients SET last_seen_at = $2 WHERE client_id = $1', [clientId, at]);
  },
});
