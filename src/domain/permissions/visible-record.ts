import { z } from 'zod';
import { recordBaseShape } from '../records/record-base';
import { recordKindSchema, type AnyRecord } from '../records/record-kinds';

/**
 * What a reader is given of a deleted record: its identity and version only. The reader
 * needs nothing more to drop its copy (the wire sends it as a `del` op), and the content
 * of a deleted record may have changed since the reader last saw it.
 */
export const tombstoneSchema = z.object({ ...recordBaseShape, kind: recordKindSchema, deleted: z.literal(true) });
export type Tombstone = z.infer<typeof tombstoneSchema>;

/** A record as stored, not deleted: `deleted` narrows a VisibleRecord to it or to a Tombstone. */
export type LiveRecord = AnyRecord & { readonly deleted: false };

/** One answer of the read rules: a live record (redacted for the reader) or a tombstone. */
export type VisibleRecord = LiveRecord | Tombstone;

export const toTombstone = (record: AnyRecord): Tombstone => ({
  id: record.id,
  kind: record.kind,
  engagementId: record.engagementId,
  version: record.version,
  updatedAt: record.updatedAt,
  updatedBy: record.updatedBy,
  deleted: true,
});
