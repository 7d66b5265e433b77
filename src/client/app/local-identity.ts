/**
 * TEMPORARY until sign-in exists: every person using this browser profile is the same
 * device-local user, with one local database. Sign-in replaces this with the signed-in
 * user's id and a per-user database name. Nothing else may hard-code these values.
 */
export const LOCAL_IDENTITY = {
  dbName: 'tickmark-local',
  userId: 'local-user',
} as const;

export type LocalIdentity = { readonly dbName: string; readonly userId: string };
