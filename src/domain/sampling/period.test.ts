import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, checkPeriod, dayNumber, isoDateOf, isWithinPeriod, monthsInPeriod, splitPeriod, stratumOfDay, type CheckedPeriod } from './period';

const checked = (periodStart: string, periodEnd: string): CheckedPeriod => {
  const p = checkPeriod({ periodStart, periodEnd });
  if (!p.ok) throw new Error(p.message);
  return p;
};

// 0001-01-01 .. 9999-12-31 as day numbers.
const anyDay = fc.integer({ min: -719_162, max: 2_932_896 });

describe('dayNumber', () => {
  it('counts days from 1970-01-01 in UTC', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('1969-12-31')).toBe(-1);
    expect(dayNumber('2025-01-01')).toBe(20_089);
  });
  it('rejects texts that are not real calendar dates', () => {
    for (const bad of ['2025-02-29', '2025-02-30', '2025-13-01', '2025-00-10', '2025-04-31', '2025-1-01', '2025/01/01', '2025-01-01T00:00:00Z', '', ' 2025-01-01']) {
      expect(dayNumber(bad), bad).toBeNull();
    }
  });
  it('accepts leap days and years below 100', () => {
    expect(dayNumber('2024-02-29')).not.toBeNull();
    expect(dayNumber('2000-02-29')).not.toBeNull();
    expect(dayNumber('1900-02-29')).toBeNull();
    expect(isoDateOf(dayNumber('0099-03-01') ?? Number.NaN)).toBe('0099-03-01');
  });
  it('round-trips with isoDateOf for every day of years 1-9999', () => {
    fc.assert(fc.property(anyDay, (day) => dayNumber(isoDateOf(day)) === day));
  });
  it('moves by whole days with addDays, across month and year ends', () => {
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(addDays('nope', 1)).toBeNull();
  });
});

describe('checkPeriod', () => {
  it('gives the inclusive day count', () => {
    expect(checked('2025-01-01', '2025-12-31').days).toBe(365);
    expect(checked('2024-01-01', '2024-12-31').days).toBe(366);
    expect(checked('2025-06-30', '2025-06-30').days).toBe(1);
  });
  it('names the bad end and refuses a period that ends before it starts', () => {
    const badStart = checkPeriod({ periodStart: '2025-02-30', periodEnd: '2025-12-31' });
    expect(badStart).toMatchObject({ ok: false, code: 'invalid_period' });
    expect(!badStart.ok && badStart.message).toContain('start');
    const badEnd = checkPeriod({ periodStart: '2025-01-01', periodEnd: 'x' });
    expect(!badEnd.ok && badEnd.message).toContain('end');
    const reversed = checkPeriod({ periodStart: '2025-06-01', periodEnd: '2025-05-31' });
    expect(!reversed.ok && reversed.message).toContain('before it starts');
  });
});

describe('isWithinPeriod', () => {
  const p = { periodStart: '2025-01-01', periodEnd: '2025-06-30' };
  it('includes both ends and excludes invalid dates', () => {
    expect(isWithinPeriod('2025-01-01', p)).toBe(true);
    expect(isWithinPeriod('2025-06-30', p)).toBe(true);
    expect(isWithinPeriod('2024-12-31', p)).toBe(false);
    expect(isWithinPeriod('2025-07-01', p)).toBe(false);
    expect(isWithinPeriod('2025-02-30', p)).toBe(false);
  });
});

describe('monthsInPeriod', () => {
  it('counts whole calendar months exactly', () => {
    expect(monthsInPeriod(checked('2025-01-01', '2025-06-30'))).toBe(6);
    expect(monthsInPeriod(checked('2025-01-01', '2025-12-31'))).toBe(12);
    expect(monthsInPeriod(checked('2024-01-01', '2024-12-31'))).toBe(12);
    expect(monthsInPeriod(checked('2025-01-15', '2025-04-14'))).toBe(3);
    expect(monthsInPeriod(checked('2024-02-01', '2024-02-29'))).toBe(1);
    expect(monthsInPeriod(checked('2025-07-01', '2026-06-30'))).toBe(12);
  });
  it('adds part of a month as a fraction of that month', () => {
    expect(monthsInPeriod(checked('2025-01-01', '2025-01-16'))).toBeCloseTo(16 / 31, 10);
    expect(monthsInPeriod(checked('2025-01-01', '2025-02-14'))).toBeCloseTo(1 + 14 / 28, 10);
  });
  it('grows with the period and stays close to days / 30.44', () => {
    fc.assert(
      fc.property(fc.integer({ min: 18_000, max: 22_000 }), fc.integer({ min: 0, max: 800 }), (start, len) => {
        const p = checked(isoDateOf(start), isoDateOf(start + len));
        const longer = checked(isoDateOf(start), isoDateOf(start + len + 1));
        const m = monthsInPeriod(p);
        return monthsInPeriod(longer) > m && Math.abs(m - p.days / 30.436875) < 0.1 + p.days * 0.002;
      }),
    );
  });
});

describe('stratumOfDay and splitPeriod', () => {
  it('cuts a year into halves and quarters at the expected dates', () => {
    const year = checked('2025-01-01', '2025-12-31');
    expect(splitPeriod(year, 2)).toEqual([
      { periodStart: '2025-01-01', periodEnd: '2025-07-02' },
      { periodStart: '2025-07-03', periodEnd: '2025-12-31' },
    ]);
    expect(splitPeriod(year, 4).map((s) => s?.periodStart)).toEqual(['2025-01-01', '2025-04-03', '2025-07-03', '2025-10-02']);
  });
  it('marks slices that hold no day when there are more slices than days', () => {
    expect(splitPeriod(checked('2025-01-01', '2025-01-02'), 3)).toEqual([
      { periodStart: '2025-01-01', periodEnd: '2025-01-01' },
      { periodStart: '2025-01-02', periodEnd: '2025-01-02' },
      null,
    ]);
  });
  it('agree with each other, cover the period without gaps and differ in length by at most a day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 19_000, max: 21_000 }), fc.integer({ min: 0, max: 400 }), fc.integer({ min: 1, max: 60 }), (start, len, k) => {
        const p = checked(isoDateOf(start), isoDateOf(start + len));
        const slices = splitPeriod(p, k);
        expect(slices).toHaveLength(k);
        let next = p.startDay;
        const lengths: number[] = [];
        slices.forEach((slice, s) => {
          if (slice === null) return;
          const first = dayNumber(slice.periodStart) ?? Number.NaN;
          const last = dayNumber(slice.periodEnd) ?? Number.NaN;
          expect(first).toBe(next);
          for (let d = first; d <= last; d += 1) expect(stratumOfDay(d, p, k)).toBe(s);
          lengths.push(last - first + 1);
          next = last + 1;
        });
        expect(next).toBe(p.endDay + 1);
        expect(Math.max(...lengths) - Math.min(...lengths)).toBeLessThanOrEqual(1);
        if (k <= p.days) expect(slices.every((s) => s !== null)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
