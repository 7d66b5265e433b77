import { z } from 'zod';
import { recordBaseShape } from './record-base';

export const attributeMarkSchema = z.enum(['pass', 'fail', 'na']);
export const sampleOutcomeSchema = z.enum(['untested', 'pass', 'exception', 'not_applicable']);

export const resultSchema = z.object({
  ...recordBaseShape,
  kind: z.literal('result'),
  sampleId: z.uuid(),
  procedureId: z.uuid(),
  marks: z.record(z.string(), attributeMarkSchema),
  outcome: sampleOutcomeSchema,
  /** Set when the outcome differs from the one the marks imply. */
  outcomeOverrideReason: z.string().max(2000).nullable(),
  note: z.string().max(20000),
  testerId: z.string().min(1),
  testedAt: z.iso.datetime({ offset: true }),
});

export type Result = z.infer<typeof resultSchema>;
export type AttributeMark = z.infer<typeof attributeMarkSchema>;
export type SampleOutcome = z.infer<typeof sampleOutcomeSchema>;
