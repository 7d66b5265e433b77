import { randomUUID } from 'node:crypto';

/**
 * The e2e server's database lives for the whole run and every test's engagements now sync
 * to it (and back to every later test of the same user): names made by a test carry a
 * suffix of their own, so no test can find another test's record by name.
 */
export const uniqueName = (base: string): string => `${base} ${randomUUID().slice(0, 6)}`;
