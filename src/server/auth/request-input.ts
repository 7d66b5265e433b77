import type { z } from 'zod';
import { refusal, type Refusal } from './refusal';

export type InputResult<T> = { readonly ok: true; readonly data: T } | Refusal;

const WHERE_TEXT = { body: 'request body', params: 'address' } as const;

/**
 * Parses one part of a request with its shared schema. A failure is a 400 refusal whose
 * issues name each field as `body.email`, `params.token`…, and whose message lists them.
 */
export const parseInput = <S extends z.ZodType>(schema: S, value: unknown, where: keyof typeof WHERE_TEXT): InputResult<z.output<S>> => {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, data: parsed.data };
  const issues = parsed.error.issues.map((i) => ({ path: [where, ...i.path.map(String)].join('.'), message: i.message }));
  return refusal(400, `Invalid ${WHERE_TEXT[where]}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, { issues });
};
