import { z } from 'zod';
import reference from './soc2-reference.json';

export const categoryCodeSchema = z.enum(['CC', 'A', 'C', 'PI', 'P']);
export type CategoryCode = z.infer<typeof categoryCodeSchema>;

const criterionSchema = z.object({
  id: z.string().regex(/^(CC|A|C|PI|P)\d+\.\d+$/),
  category: z.string(),
  group: z.string(),
  groupName: z.string(),
  shortTitle: z.string(),
  required: z.boolean(),
});

const categorySchema = z.object({
  code: categoryCodeSchema,
  category: z.string(),
  label: z.string(),
  required: z.boolean(),
  criteriaCount: z.number().int(),
});

/** The 61 trust services criteria, checked against the shipped reference at load. */
export const CRITERIA = z.array(criterionSchema).length(61).parse(reference.trustServicesCriteria);
export const CATEGORIES = z.array(categorySchema).length(5).parse(reference.trustServicesCategories);

const criterionIds = new Set(CRITERIA.map((c) => c.id));

export const criterionIdSchema = z.string().refine((id) => criterionIds.has(id), {
  error: (issue) => `'${String(issue.input)}' is not one of the 61 trust services criteria ids (e.g. CC6.1)`,
});

/** Category code of a criterion id: 'CC6.1' → 'CC', 'PI1.2' → 'PI'. */
export const categoryOf = (criterionId: string): CategoryCode => categoryCodeSchema.parse(/^[A-Z]+/.exec(criterionId)?.[0]);
