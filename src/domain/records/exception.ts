import { z } from 'zod';
import { nonEmptyText, recordBaseShape } from './record-base';

export const exceptionNatureSchema = z.enum(['not_performed', 'performed_late', 'wrong_person', 'evidence_missing', 'other']);

export const exceptionSchema = z.object({
  ...recordBaseShape,
  kind: z.literal('exception'),
  procedureId: z.uuid(),
  sampleIds: z.array(z.uuid()).min(1),
  nature: exceptionNatureSchema,
  description: nonEmptyText.max(8000),
  downstreamImpact: z.boolean(),
  downstreamImpactDetail: z.string().max(8000),
  status: z.enum(['open', 'closed']),
});

export type ExceptionRecord = z.infer<typeof exceptionSchema>;
export type ExceptionNature = z.infer<typeof exceptionNatureSchema>;
