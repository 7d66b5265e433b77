import { z } from 'zod';
import { anyRecordSchema, recordKindSchema } from '../domain/records/record-kinds';

/**
 * The server's copy of a record (or null: none) from before the first optimistic change
 * to it since the last pull. A pull restores these, applies the server's patch and
 * re-runs pending mutations, so a change the server refused does not linger locally.
 */
export const optimisticBaseSchema = z.object({
  kind: recordKindSchema,
  id: z.uuid(),
  previous: anyRecordSchema.nullable(),
});
export type OptimisticBase = z.infer<typeof optimisticBaseSchema>;
