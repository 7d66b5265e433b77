import { z } from 'zod';

/** Fields every synced record carries (DESIGN.md "Records"). */
export const recordBaseShape = {
  /** UUID v7, made on the client. */
  id: z.uuid(),
  engagementId: z.uuid(),
  /** Set by the server; 0 until the server has accepted the record. */
  version: z.number().int().nonnegative(),
  updatedAt: z.iso.datetime({ offset: true }),
  updatedBy: z.string().min(1),
  /** Tombstone: deleted records stay so the deletion syncs. */
  deleted: z.boolean(),
};

export const isoDate = z.iso.date();
export const nonEmptyText = z.string().trim().min(1);
