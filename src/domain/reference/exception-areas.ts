import { z } from 'zod';
import reference from './soc2-reference.json';

const areaSchema = z.object({
  key: z.string(),
  name: z.string(),
  primaryCriteria: z.array(z.string()).min(1),
  relatedCriteria: z.array(z.string()),
  typicalExamples: z.array(z.string()),
});

/** The seven common exception areas, each mapped to criteria. */
export const EXCEPTION_AREAS = z.array(areaSchema).length(7).parse(reference.exceptionCategories);

export const exceptionAreaKeySchema = z.enum(EXCEPTION_AREAS.map((a) => a.key) as [string, ...string[]]);
export type ExceptionAreaKey = z.infer<typeof exceptionAreaKeySchema>;
