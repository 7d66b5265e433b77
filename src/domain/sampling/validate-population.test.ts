import { describe, expect, it } from 'vitest';
import { validatePopulation, type PopulationRowProblem } from './validate-population';
import type { PopulationItemContent } from './canonical-population';

const period = { periodStart: '2025-01-01', periodEnd: '2025-12-31' };
const item = (key: string, date: string, extra: Partial<PopulationItemContent> = {}): PopulationItemContent => ({ key, label: `Item ${key}`, date, fields: {}, ...extra });

const problemsOf = (items: PopulationItemContent[]): PopulationRowProblem[] => {
  const r = validatePopulation(items, period);
  if (r.ok) throw new Error('expected problems');
  expect(r.code).toBe('invalid_rows');
  return r.problems;
};

describe('validatePopulation', () => {
  it('accepts a clean population and counts it', () => {
    expect(validatePopulation([item('A', '2025-01-01'), item('B', '2025-12-31')], period)).toEqual({ ok: true, count: 2 });
  });

  it('names both rows of a duplicate key', () => {
    const problems = problemsOf([item('A', '2025-01-01'), item('B', '2025-02-01'), item('A', '2025-03-01')]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ row: 3, field: 'key' });
    expect(problems[0]?.message).toMatch(/rows 1 and 3/);
  });

  it('treats keys that differ only by surrounding spaces or Unicode form as duplicates', () => {
    const problems = problemsOf([item('A1', '2025-01-01'), item(' A1 ', '2025-01-02'), item('caf\u00e9', '2025-01-03'), item('cafe\u0301', '2025-01-04')]);
    expect(problems.map((p) => [p.row, p.field])).toEqual([
      [2, 'key'],
      [4, 'key'],
    ]);
  });

  it('reports empty keys, bad dates and dates outside the period, every row', () => {
    const problems = problemsOf([
      item('  ', '2025-01-01'),
      item('B', '2025-02-30'),
      item('C', '01/02/2025'),
      item('D', '2024-12-31'),
      item('E', '2026-01-01'),
      item('F', '2025-06-30'),
    ]);
    expect(problems.map((p) => [p.row, p.field])).toEqual([
      [1, 'key'],
      [2, 'date'],
      [3, 'date'],
      [4, 'date'],
      [5, 'date'],
    ]);
    expect(problems[0]?.message).toMatch(/empty/);
    expect(problems[1]?.message).toMatch(/not a valid date/);
    expect(problems[3]?.message).toMatch(/outside the period 2025-01-01 to 2025-12-31/);
  });

  it('reports several problems on one row and summarises the count', () => {
    const r = validatePopulation([item('', 'never'), item('ok', '2025-05-05')], period);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.field)).toEqual(['key', 'date']);
    expect(r.message).toBe('1 of 2 population rows have problems (2 in all)');
  });

  it('refuses what the stored item record would refuse: over-long keys and labels, non-text fields', () => {
    const problems = problemsOf([
      item('K'.repeat(201), '2025-01-01'),
      item('L', '2025-01-01', { label: 'x'.repeat(1001) }),
      item('M', '2025-01-01', { fields: { amount: 12 as unknown as string } }),
    ]);
    expect(problems.map((p) => [p.row, p.field])).toEqual([
      [1, 'key'],
      [2, 'label'],
      [3, 'fields'],
    ]);
  });

  it('refuses an empty population and a bad period', () => {
    expect(validatePopulation([], period)).toMatchObject({ ok: false, code: 'empty_population' });
    expect(validatePopulation([item('A', '2025-01-01')], { periodStart: '2025-12-31', periodEnd: '2025-01-01' })).toMatchObject({
      ok: false,
      code: 'invalid_period',
    });
  });
});
