import { z } from 'zod';
import { recordBaseShape } from './record-base';

export const selectionMethodSchema = z.enum(['random', 'manual', 'all']);

export const sampleSchema = z.object({
  ...recordBaseShape,
  kind: z.literal('sample'),
  procedureId: z.uuid(),
  populationItemId: z.uuid(),
  /** Seed of the selection run that picked it (null for a manual addition). */
  selectionSeed: z.string().nullable(),
  /** Position in the selection, 0-based; manual additions come after the drawn ones. */
  selectionIndex: z.number().int().nonnegative(),
  method: selectionMethodSchema,
  /** Population hash the selection was drawn from, so a re-import can be detected. */
  populationSha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export type Sample = z.infer<typeof sampleSchema>;
