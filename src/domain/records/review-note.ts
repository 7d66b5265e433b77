import { z } from 'zod';
import { nonEmptyText, recordBaseShape } from './record-base';

export const reviewTargetKindSchema = z.enum(['procedure', 'sample', 'exception', 'evidenceRequest', 'managementResponseRequest']);

export const reviewNoteSchema = z.object({
  ...recordBaseShape,
  kind: z.literal('reviewNote'),
  targetKind: reviewTargetKindSchema,
  targetId: z.uuid(),
  body: nonEmptyText.max(8000),
  status: z.enum(['open', 'addressed', 'cleared']),
  authorId: z.string().min(1),
});

export type ReviewNote = z.infer<typeof reviewNoteSchema>;
