import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { drawStratified } from './draw-stratified';
import { checkPeriod, splitPeriod, stratumOfDay, dayNumber, type CheckedPeriod } from './period';
import { seededRng } from './sample-rng';

const year = (() => {
  const p = checkPeriod({ periodStart: '2025-01-01', periodEnd: '2025-12-31' });
  if (!p.ok) throw new Error(p.message);
  return p;
})();

const candidatesOn = (days: number[]) => days.map((day, i) => ({ id: i, day }));

describe('drawStratified', () => {
  it('takes exactly one candidate from each slice when every slice has some', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.array(fc.nat(), { minLength: 1, maxLength: 60 }), fc.string(), (k, extra, seed) => {
        const slices = splitPeriod(year, k).filter((s): s is NonNullable<typeof s> => s !== null);
        // One candidate at the start of each slice, plus any number of others anywhere.
        const days = [...slices.map((s) => dayNumber(s.periodStart) ?? 0), ...extra.map((e) => year.startDay + (e % year.days))];
        const drawn = drawStratified(candidatesOn(days), k, year, seededRng([seed]));
        expect(drawn).toHaveLength(k);
        expect(drawn.map((d) => d.stratum).sort((a, b) => a - b)).toEqual([...Array(k).keys()]);
        for (const d of drawn) expect(stratumOfDay(d.item.day, year, k)).toBe(d.stratum);
      }),
    );
  });

  it('fills empty slices from the rest, without repeats', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 10 }), fc.string(), (k, seed) => {
        // Everything in January: only the first slice has candidates.
        const days = Array.from({ length: 3 * k }, (_, i) => year.startDay + (i % 31));
        const drawn = drawStratified(candidatesOn(days), k, year, seededRng([seed]));
        expect(drawn).toHaveLength(k);
        expect(new Set(drawn.map((d) => d.item.id)).size).toBe(k);
        expect(drawn.every((d) => d.stratum === 0)).toBe(true);
      }),
    );
  });

  it('gives every candidate in a slice a fair chance', () => {
    const p: CheckedPeriod = year;
    const candidates = candidatesOn(Array.from({ length: 10 }, (_, i) => year.startDay + i));
    const counts = new Array<number>(10).fill(0);
    for (let s = 0; s < 2000; s += 1) {
      const [only] = drawStratified(candidates, 1, p, seededRng([`seed-${s}`]));
      if (only) counts[only.item.id] = (counts[only.item.id] ?? 0) + 1;
    }
    // Expected 200 each; a fixed list of seeds makes this deterministic, the bounds catch bias.
    for (const c of counts) {
      expect(c).toBeGreaterThan(140);
      expect(c).toBeLessThan(260);
    }
  });
});
