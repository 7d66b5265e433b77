/**
 * Root of every query key whose data is read from the local store. A local write can
 * change any of them (records, outbox count), so mutations invalidate this root.
 */
export const LOCAL_STORE_KEY = ['local'] as const;

/** Root of the keys for facts about the device (storage quota), not about records. */
export const DEVICE_KEY = ['device'] as const;

/** Root of the keys for answers fetched from the server (team, invitations): online only. */
export const SERVER_KEY = ['server'] as const;
