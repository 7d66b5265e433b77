import { z } from 'zod';
import { isoDate, nonEmptyText, recordBaseShape } from './record-base';
import { categoryCodeSchema } from '../reference/criteria';

export const engagementKindSchema = z.enum(['readiness', 'type1', 'type2']);
export const engagementStatusSchema = z.enum(['planning', 'fieldwork', 'review', 'reported', 'archived']);

export const engagementSchema = z
  .object({
    ...recordBaseShape,
    kind: z.literal('engagement'),
    name: nonEmptyText.max(200),
    clientOrganization: nonEmptyText.max(200),
    engagementKind: engagementKindSchema,
    /** Type 2 and readiness: the observation period. Type 1: start = end = the as-of date. */
    periodStart: isoDate,
    periodEnd: isoDate,
    categoriesInScope: z.array(categoryCodeSchema).min(1),
    status: engagementStatusSchema,
    priorEngagementId: z.uuid().nullable(),
  })
  .refine((e) => e.periodStart <= e.periodEnd, { message: 'The period must not end before it starts', path: ['periodEnd'] })
  .refine((e) => e.engagementKind !== 'type1' || e.periodStart === e.periodEnd, {
    message: 'A Type 1 engagement is as of one date: start and end must be the same day',
    path: ['periodEnd'],
  })
  .refine((e) => e.categoriesInScope.includes('CC'), { message: 'Security (CC) is always in scope', path: ['categoriesInScope'] })
  .refine((e) => e.engagementId === e.id, { message: 'An engagement is its own engagement', path: ['engagementId'] });

export type Engagement = z.infer<typeof engagementSchema>;
export type EngagementKind = z.infer<typeof engagementKindSchema>;
export type EngagementStatus = z.infer<typeof engagementStatusSchema>;
