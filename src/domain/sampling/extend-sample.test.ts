import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { extendSample, type ExtendSampleInput } from './extend-sample';
import { selectSample } from './select-sample';
import type { PopulationItemContent } from './canonical-population';
import { dayNumber, isoDateOf, isWithinPeriod } from './period';

const PERIOD = { periodStart: '2025-01-01', periodEnd: '2025-12-31' };
const seedArb = fc.string({ minLength: 1 }).filter((s) => s.trim() !== '');
const start = dayNumber(PERIOD.periodStart) ?? 0;
const item = (key: string, date: string): PopulationItemContent => ({ key, label: `Item ${key}`, date, fields: {} });
// Item 0 falls before the period, so eligibility is exercised; item 1 onwards mostly within.
const population = (n: number) => Array.from({ length: n }, (_, i) => item(`E-${i}`, isoDateOf(start - 5 + ((i * 7) % 375))));

const firstDraw = (items: PopulationItemContent[], size: number, seed = 'seed') => {
  const r = selectSample({ items, seed, size, ...PERIOD });
  if (!r.ok) throw new Error(r.message);
  return r.selected.map((s) => s.key);
};

describe('extendSample', () => {
  it('adds new eligible items, never one already selected, numbered after the first draw', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 120 }), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 40 }), seedArb, (n, size, additional, seed) => {
        const items = population(n);
        const already = firstDraw(items, size, seed);
        const eligible = items.filter((i) => isWithinPeriod(i.date, PERIOD));
        const r = extendSample({ items, seed, ...PERIOD, alreadySelectedKeys: already, additional });
        const left = eligible.length - already.length;
        if (left === 0) {
          expect(r).toMatchObject({ ok: false, code: 'nothing_left' });
          return;
        }
        if (!r.ok) throw new Error(r.message);
        const keys = r.selected.map((s) => s.key);
        expect(keys).toHaveLength(Math.min(additional, left));
        expect(r.method).toBe(additional >= left ? 'all' : 'random');
        expect(new Set([...keys, ...already]).size).toBe(keys.length + already.length);
        const eligibleKeys = new Set(eligible.map((i) => i.key));
        for (const k of keys) expect(eligibleKeys.has(k)).toBe(true);
        expect(r.selected.map((s) => s.index)).toEqual(keys.map((_, i) => already.length + i));
        expect(r.eligibleCount).toBe(eligible.length);
      }),
    );
  });

  it('is reproducible whatever the order of the items or of the already-selected keys', () => {
    const items = population(200);
    const already = firstDraw(items, 25);
    const input: ExtendSampleInput = { items, seed: 'seed', ...PERIOD, alreadySelectedKeys: already, additional: 25 };
    const a = extendSample(input);
    const b = extendSample({ ...input, items: [...items].reverse(), alreadySelectedKeys: [...already].reverse() });
    expect(a.ok).toBe(true);
    expect(b).toEqual(a);
  });

  it('spreads the additional items over the period', () => {
    const items = population(200);
    const r = extendSample({ items, seed: 'seed', ...PERIOD, alreadySelectedKeys: firstDraw(items, 25), additional: 4 });
    if (!r.ok) throw new Error(r.message);
    expect(r.selected.map((s) => s.stratum)).toEqual([0, 1, 2, 3]);
  });

  it('draws differently from the first selection with the same seed', () => {
    const items = population(300);
    const first = firstDraw(items, 1);
    const r = extendSample({ items, seed: 'seed', ...PERIOD, alreadySelectedKeys: first, additional: 10 });
    if (!r.ok) throw new Error(r.message);
    const again = firstDraw(items, 11);
    expect(r.selected.map((s) => s.key)).not.toEqual(again.filter((k) => !first.includes(k)));
  });

  it('refuses keys that are not in the population, a bad count and an exhausted population', () => {
    const items = population(10);
    const base = { items, seed: 'seed', ...PERIOD };
    const unknown = extendSample({ ...base, alreadySelectedKeys: ['NOPE'], additional: 1 });
    expect(unknown).toMatchObject({ ok: false, code: 'unknown_selected_key' });
    expect(!unknown.ok && unknown.message).toContain("'NOPE'");
    expect(extendSample({ ...base, alreadySelectedKeys: [], additional: 0 })).toMatchObject({ ok: false, code: 'invalid_additional' });
    const everything = items.filter((i) => isWithinPeriod(i.date, PERIOD)).map((i) => i.key);
    expect(extendSample({ ...base, alreadySelectedKeys: everything, additional: 1 })).toMatchObject({ ok: false, code: 'nothing_left' });
    expect(extendSample({ ...base, seed: '', alreadySelectedKeys: [], additional: 1 })).toMatchObject({ ok: false, code: 'invalid_seed' });
  });
});
