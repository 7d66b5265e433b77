import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { DEVICE_DB_NAME, openDeviceRegistry, parseCurrentUser, type DeviceRegistry } from './device-registry';
import { deleteUserDatabase, userDbName } from './user-database';
import { openIdbStorage } from './idb-storage';

const ME = {
  user: { id: '01890f2e-8b7a-7cc0-9d5e-4a1b2c3d4e5f', email: 'manager@demo.test', name: 'Morgan Reyes', firmRole: 'admin' as const },
  memberships: [{ engagementId: '01890f2e-8b7a-7cc0-9d5e-4a1b2c3d4e60', role: 'manager' as const, organization: null }],
};
const AT = '2026-03-01T10:00:00.000Z';

const opened: DeviceRegistry[] = [];
const open = async (): Promise<DeviceRegistry> => {
  const result = await openDeviceRegistry();
  if (!result.ok) throw new Error(result.message);
  opened.push(result.registry);
  return result.registry;
};

afterEach(async () => {
  for (const r of opened.splice(0)) r.close();
  await new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase(DEVICE_DB_NAME);
    request.onsuccess = () => resolve();
    request.onerror = () => resolve();
  });
});

/** Writes a raw value where the registry keeps the current user, as another app version might. */
const writeRaw = async (value: unknown): Promise<void> => {
  const db = await openDB(DEVICE_DB_NAME);
  await db.put('session', value, 'current-user');
  db.close();
};

describe('parseCurrentUser', () => {
  it('reads nothing stored as nobody signed in', () => {
    expect(parseCurrentUser(undefined)).toEqual({ status: 'none' });
  });

  it('accepts a complete entry', () => {
    expect(parseCurrentUser({ me: ME, confirmedAt: AT })).toEqual({ status: 'signed-in', entry: { me: ME, confirmedAt: AT } });
  });

  it('names what is wrong with a damaged entry', () => {
    const bad = parseCurrentUser({ me: { ...ME, user: { ...ME.user, id: 42 } }, confirmedAt: 'yesterday' });
    expect(bad.status).toBe('invalid');
    if (bad.status !== 'invalid') return;
    expect(bad.message).toContain('me.user.id');
    expect(bad.message).toContain('confirmedAt');
    expect(bad.message).toContain(DEVICE_DB_NAME);
    expect(parseCurrentUser('just a string').status).toBe('invalid');
    expect(parseCurrentUser(null).status).toBe('invalid');
  });
});

describe('device registry (fake-indexeddb)', () => {
  it('starts with nobody, remembers the current user, and forgets them', async () => {
    const registry = await open();
    expect(await registry.currentUser()).toEqual({ status: 'none' });
    await registry.setCurrentUser(ME, AT);
    expect(await registry.currentUser()).toEqual({ status: 'signed-in', entry: { me: ME, confirmedAt: AT } });

    // Survives closing: a reload finds the same user.
    registry.close();
    const again = await open();
    expect(await again.currentUser()).toMatchObject({ status: 'signed-in', entry: { me: { user: { email: 'manager@demo.test' } } } });
    await again.clearCurrentUser();
    expect(await again.currentUser()).toEqual({ status: 'none' });
  });

  it('reports damaged stored data instead of trusting it', async () => {
    (await open()).close();
    await writeRaw({ me: { user: { id: 'not-a-uuid' } }, confirmedAt: AT });
    const read = await (await open()).currentUser();
    expect(read.status).toBe('invalid');
  });

  it('refuses to store a profile that does not parse', async () => {
    const registry = await open();
    await expect(registry.setCurrentUser({ ...ME, user: { ...ME.user, id: 'x' } }, AT)).rejects.toThrow();
    expect(await registry.currentUser()).toEqual({ status: 'none' });
  });
});

describe('user databases', () => {
  it('are named per user', () => {
    expect(userDbName(ME.user.id)).toBe(`tickmark-user-${ME.user.id}`);
  });

  it('are deleted once closed', async () => {
    const store = await openIdbStorage(userDbName(ME.user.id));
    if (!store.ok) throw new Error(store.message);
    store.storage.close();
    expect(await deleteUserDatabase(ME.user.id)).toEqual({ ok: true });
    const names = (await indexedDB.databases()).map((d) => d.name);
    expect(names).not.toContain(userDbName(ME.user.id));
  });
});
