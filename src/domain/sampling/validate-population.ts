import type { z } from 'zod';
import { populationItemSchema } from '../records/population';
import { normalizeText, type PopulationItemContent } from './canonical-population';
import { checkPeriod, dayNumber, type Period } from './period';

export type PopulationRowProblem = {
  /** 1-based position in the items given (a file importer adds its header offset). */
  row: number;
  field: 'key' | 'label' | 'date' | 'fields';
  message: string;
};

export type PopulationValidation =
  | { ok: true; count: number }
  | { ok: false; code: 'invalid_period' | 'empty_population' | 'invalid_rows'; message: string; problems: PopulationRowProblem[] };

/**
 * The identity two keys share once stored: the item record trims its key and the
 * canonical form applies NFC, so ' A1' and 'A1' would collide later; catch it here.
 */
const keyIdentity = (key: string): string => normalizeText(key.trim());

const issuesText = (error: z.ZodError): string => error.issues.map((i) => i.message).join('; ');

const rowProblems = (item: PopulationItemContent, row: number, period: { startDay: number; endDay: number } & Period, firstRowOfKey: Map<string, number>): PopulationRowProblem[] => {
  const problems: PopulationRowProblem[] = [];
  const shape = populationItemSchema.shape;

  if (item.key.trim() === '') {
    problems.push({ row, field: 'key', message: 'The key is empty' });
  } else {
    const parsed = shape.key.safeParse(item.key);
    if (!parsed.success) problems.push({ row, field: 'key', message: `The key is not usable: ${issuesText(parsed.error)}` });
    const identity = keyIdentity(item.key);
    const first = firstRowOfKey.get(identity);
    if (first === undefined) firstRowOfKey.set(identity, row);
    else problems.push({ row, field: 'key', message: `Duplicate key '${item.key}': rows ${first} and ${row} have the same key` });
  }

  const label = shape.label.safeParse(item.label);
  if (!label.success) problems.push({ row, field: 'label', message: `The label is not usable: ${issuesText(label.error)}` });

  const day = dayNumber(item.date);
  if (day === null) {
    problems.push({ row, field: 'date', message: `'${item.date}' is not a valid date (expected YYYY-MM-DD)` });
  } else if (day < period.startDay || day > period.endDay) {
    problems.push({ row, field: 'date', message: `${item.date} is outside the period ${period.periodStart} to ${period.periodEnd}` });
  }

  const fields = shape.fields.safeParse(item.fields);
  if (!fields.success) problems.push({ row, field: 'fields', message: `The extra columns must all be text: ${issuesText(fields.error)}` });
  return problems;
};

/**
 * Checks an imported population before it is stored and sampled. Every row problem is
 * reported (not just the first) so the whole file can be fixed in one pass.
 */
export const validatePopulation = (items: readonly PopulationItemContent[], period: Period): PopulationValidation => {
  const checked = checkPeriod(period);
  if (!checked.ok) return { ok: false, code: 'invalid_period', message: checked.message, problems: [] };
  if (items.length === 0) return { ok: false, code: 'empty_population', message: 'The population has no items', problems: [] };

  const firstRowOfKey = new Map<string, number>();
  const problems = items.flatMap((item, i) => rowProblems(item, i + 1, checked, firstRowOfKey));
  if (problems.length === 0) return { ok: true, count: items.length };
  const rows = new Set(problems.map((p) => p.row)).size;
  return {
    ok: false,
    code: 'invalid_rows',
    message: `${rows} of ${items.length} population rows have problems (${problems.length} in all)`,
    problems,
  };
};
