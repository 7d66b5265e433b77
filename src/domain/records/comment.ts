import { z } from 'zod';
import { nonEmptyText, recordBaseShape } from './record-base';

export const commentSchema = z.object({
  ...recordBaseShape,
  kind: z.literal('comment'),
  targetKind: z.enum(['evidenceRequest', 'managementResponseRequest']),
  targetId: z.uuid(),
  body: nonEmptyText.max(8000),
  /** internal: the audit team only; client: shown to the addressee too. */
  visibility: z.enum(['internal', 'client']),
  authorId: z.string().min(1),
});

export type Comment = z.infer<typeof commentSchema>;
