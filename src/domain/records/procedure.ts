import { z } from 'zod';
import { nonEmptyText, recordBaseShape } from './record-base';

export const testMethodSchema = z.enum(['inquiry', 'observation', 'inspection', 'reperformance']);

export const attributeSchema = z.object({
  key: z.string().regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and dashes'),
  label: nonEmptyText.max(300),
});

export const procedureSchema = z.object({
  ...recordBaseShape,
  kind: z.literal('procedure'),
  controlId: z.uuid(),
  methods: z.array(testMethodSchema).min(1),
  steps: nonEmptyText.max(8000),
  attributes: z.array(attributeSchema).min(1).refine((a) => new Set(a.map((x) => x.key)).size === a.length, 'attribute keys must be unique'),
  assigneeId: z.uuid().nullable(),
  populationId: z.uuid().nullable(),
  /** The sample size decided for this procedure, and why when it differs from the suggestion. */
  sampleSize: z.number().int().positive().nullable(),
  sampleSizeReason: z.string().max(2000).nullable(),
});

export type Procedure = z.infer<typeof procedureSchema>;
export type TestMethod = z.infer<typeof testMethodSchema>;
export type Attribute = z.infer<typeof attributeSchema>;

/** Inquiry alone never suffices as evidence that a control operated. */
export const isInquiryOnly = (methods: readonly TestMethod[]): boolean => methods.length > 0 && methods.every((m) => m === 'inquiry');
