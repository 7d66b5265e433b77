import { z } from 'zod';
import { nonEmptyText, recordBaseShape } from './record-base';
import { criterionIdSchema } from '../reference/criteria';
import { controlFrequencySchema } from '../reference/sample-size-table';
import { exceptionAreaKeySchema } from '../reference/exception-areas';

export const controlSchema = z.object({
  ...recordBaseShape,
  kind: z.literal('control'),
  ref: nonEmptyText.max(40),
  description: nonEmptyText.max(4000),
  /** One of the common exception areas, or null for controls outside them. */
  area: exceptionAreaKeySchema.nullable(),
  criteriaIds: z.array(criterionIdSchema).min(1),
  frequency: controlFrequencySchema,
  owner: z.string().max(200),
  keyControl: z.boolean(),
  /** Position in the control matrix; fractional so a reorder touches one record. */
  order: z.number(),
});

export type Control = z.infer<typeof controlSchema>;
