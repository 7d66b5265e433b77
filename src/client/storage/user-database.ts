/**
 * Each user has their own IndexedDB database on the device, so a second person signing in
 * on the same browser profile never reads the first person's records or outbox.
 */
const USER_DB_PREFIX = 'tickmark-user-';

export const userDbName = (userId: string): string => `${USER_DB_PREFIX}${userId}`;

export type DeleteDatabaseResult =
  | { readonly ok: true }
  /** Another tab still holds the database open; the deletion stays queued and finishes when it lets go. */
  | { readonly ok: false; readonly code: 'blocked'; readonly message: string }
  | { readonly ok: false; readonly code: 'failed'; readonly message: string };

const describe = (e: unknown): string => (e instanceof Error || e instanceof DOMException ? `${e.name}: ${e.message}` : String(e));

/**
 * Deletes a user's database. The caller must have closed its own connection first. A
 * connection that is still finishing transactions makes the browser report "blocked"
 * briefly, so "blocked" is only returned if the deletion is still waiting after `patienceMs`.
 */
export const deleteUserDatabase = (userId: string, patienceMs = 3000): Promise<DeleteDatabaseResult> =>
  new Promise((resolve) => {
    const name = userDbName(userId);
    let request: IDBOpenDBRequest;
    try {
      request = indexedDB.deleteDatabase(name);
    } catch (e) {
      resolve({ ok: false, code: 'failed', message: `Could not remove ${name}: ${describe(e)}` });
      return;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    request.onsuccess = () => {
      clearTimeout(timer);
      resolve({ ok: true });
    };
    request.onerror = () => {
      clearTimeout(timer);
      resolve({ ok: false, code: 'failed', message: `Could not remove ${name}: ${describe(request.error)}` });
    };
    request.onblocked = () => {
      timer ??= setTimeout(
        () =>
          resolve({
            ok: false,
            code: 'blocked',
            message: 'Another Tickmark tab still has your data open. Close the other Tickmark tabs to finish removing it from this device.',
          }),
        patienceMs,
      );
    };
  });
