import { z } from 'zod';
import { recordBaseShape } from './record-base';
import { reviewTargetKindSchema } from './review-note';

export const signOffSchema = z.object({
  ...recordBaseShape,
  kind: z.literal('signOff'),
  targetKind: reviewTargetKindSchema,
  targetId: z.uuid(),
  level: z.enum(['preparer', 'reviewer']),
  /** The target's version when it was signed: a later version makes the sign-off stale. */
  targetVersion: z.number().int().nonnegative(),
  signerId: z.string().min(1),
  signedAt: z.iso.datetime({ offset: true }),
});

export type SignOff = z.infer<typeof signOffSchema>;
