import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { z } from 'zod';
import { meResponseSchema, type MeResponse } from '../../sync/auth-protocol';

/**
 * The device registry: who is signed in on this browser profile, with the profile and
 * memberships the server last confirmed. It holds no records: each user's work lives in
 * that user's own database (user-database.ts), so it survives the user signing out.
 */
export const DEVICE_DB_NAME = 'tickmark-device';
const DEVICE_DB_VERSION = 1;
const STORE = 'session';
const CURRENT_KEY = 'current-user';

export const registryEntrySchema = z.object({
  me: meResponseSchema,
  /** When the server last confirmed this profile (sign-in or GET /api/auth/me). */
  confirmedAt: z.iso.datetime({ offset: true }),
});
export type RegistryEntry = z.infer<typeof registryEntrySchema>;

export type CurrentUserRead =
  | { readonly status: 'none' }
  | { readonly status: 'signed-in'; readonly entry: RegistryEntry }
  /** Stored by another app version, or damaged: the caller treats it as signed out and says why. */
  | { readonly status: 'invalid'; readonly message: string };

/** Parses what the registry holds under the current-user key; `undefined` means nobody. */
export const parseCurrentUser = (value: unknown): CurrentUserRead => {
  if (value === undefined) return { status: 'none' };
  const parsed = registryEntrySchema.safeParse(value);
  if (parsed.success) return { status: 'signed-in', entry: parsed.data };
  const issues = parsed.error.issues.map((i) => `${i.path.length > 0 ? i.path.join('.') : '(value)'}: ${i.message}`).join('; ');
  return { status: 'invalid', message: `The saved sign-in in ${DEVICE_DB_NAME}/${STORE} could not be read (${issues})` };
};

interface DeviceDb extends DBSchema {
  [STORE]: { key: string; value: unknown };
}

export type DeviceRegistry = {
  readonly currentUser: () => Promise<CurrentUserRead>;
  readonly setCurrentUser: (me: MeResponse, confirmedAt: string) => Promise<RegistryEntry>;
  readonly clearCurrentUser: () => Promise<void>;
  readonly close: () => void;
};

export type DeviceRegistryResult = { readonly ok: true; readonly registry: DeviceRegistry } | { readonly ok: false; readonly message: string };

const describe = (e: unknown): string => (e instanceof Error || e instanceof DOMException ? `${e.name}: ${e.message}` : String(e));

export const openDeviceRegistry = async (): Promise<DeviceRegistryResult> => {
  if (typeof indexedDB === 'undefined') return { ok: false, message: 'This browser offers no IndexedDB, so Tickmark cannot remember who is signed in here.' };
  let db: IDBPDatabase<DeviceDb>;
  try {
    db = await openDB<DeviceDb>(DEVICE_DB_NAME, DEVICE_DB_VERSION, {
      upgrade: (database) => {
        if (!database.objectStoreNames.contains(STORE)) database.createObjectStore(STORE);
      },
      blocking: (_current, _wanted, event) => {
        // A newer app version in another tab wants to upgrade: let it.
        if (event.target instanceof IDBDatabase) event.target.close();
      },
    });
  } catch (e) {
    return { ok: false, message: `Could not open this device's sign-in registry (${describe(e)})` };
  }

  return {
    ok: true,
    registry: {
      currentUser: async () => parseCurrentUser(await db.get(STORE, CURRENT_KEY)),
      setCurrentUser: async (me, confirmedAt) => {
        // Parsed on the way in too: nothing unparseable is ever written.
        const entry = registryEntrySchema.parse({ me, confirmedAt });
        await db.put(STORE, entry, CURRENT_KEY);
        return entry;
      },
      clearCurrentUser: async () => {
        await db.delete(STORE, CURRENT_KEY);
      },
      close: () => db.close(),
    },
  };
};
