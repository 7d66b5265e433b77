import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { suggestSampleSize, type SampleSizeInput, type SampleSizeSuggestion } from './sample-size';
import { controlFrequencySchema, type ControlFrequency } from '../reference/sample-size-table';
import { isoDateOf } from './period';

const YEAR = { periodStart: '2025-01-01', periodEnd: '2025-12-31' };
const HALF = { periodStart: '2025-01-01', periodEnd: '2025-06-30' };
const QUARTER = { periodStart: '2025-04-01', periodEnd: '2025-06-30' };

const ok = (input: SampleSizeInput): SampleSizeSuggestion => {
  const r = suggestSampleSize(input);
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r;
};
const type2 = (frequency: ControlFrequency, extra: Partial<SampleSizeInput> = {}): SampleSizeInput => ({ frequency, engagementKind: 'type2', ...YEAR, ...extra });

describe('suggestSampleSize: periodic controls over 12 months', () => {
  // From reference/soc2-reference.json sampleSizeGuidance.recommendedDefaults.
  const expected: Array<[ControlFrequency, number, number, number, number | null]> = [
    ['annual', 1, 1, 1, 1],
    ['semiannual', 1, 1, 2, 2],
    ['quarterly', 2, 2, 4, 4],
    ['monthly', 2, 2, 5, 12],
    ['weekly', 5, 5, 15, 52],
    ['daily', 25, 20, 40, 365],
    ['multiple_times_per_day', 25, 25, 60, null],
  ];
  it.each(expected)('%s: default %i, range %i–%i', (frequency, size, min, max, instances) => {
    const r = ok(type2(frequency));
    expect(r).toMatchObject({ size, default: size, min, max, instancesInPeriod: instances, overridden: false, overrideReason: null });
    expect(r.basis).toContain(`reference default ${size}`);
    expect(r.basis).toContain(frequency.replaceAll('_', ' '));
  });
  it('explains a quarterly control the way the work paper needs it', () => {
    expect(ok(type2('quarterly')).basis).toBe('quarterly control: reference default 2 (range 2–4)');
  });
  it('treats a readiness assessment like a Type 2', () => {
    for (const frequency of controlFrequencySchema.options.filter((f) => f !== 'event_driven')) {
      const { basis: _b, ...readiness } = ok({ ...type2(frequency), engagementKind: 'readiness' });
      const { basis: _c, ...typeTwo } = ok(type2(frequency));
      expect(readiness).toEqual(typeTwo);
    }
  });
  it('carries the reference note for the frequency', () => {
    expect(ok(type2('monthly')).notes.join(' ')).toMatch(/Higher-risk controls go up to 5/);
  });
});

describe('suggestSampleSize: periods shorter than 12 months', () => {
  it('tests both instances of a quarterly control over 6 months', () => {
    const r = ok(type2('quarterly', HALF));
    expect(r).toMatchObject({ size: 2, default: 2, min: 2, max: 2, instancesInPeriod: 2 });
    expect(r.basis).toBe('quarterly control: reference default 2 (range 2–4); 2 instances in 6 months, so test all 2');
    expect(r.notes.join(' ')).toMatch(/across the whole period/);
  });
  it('keeps the default 2 for a monthly control over 3 months, up to the 3 instances', () => {
    expect(ok(type2('monthly', QUARTER))).toMatchObject({ size: 2, min: 2, max: 3, instancesInPeriod: 3 });
  });
  it('tests every day of a daily control over two weeks', () => {
    expect(ok(type2('daily', { periodStart: '2025-06-01', periodEnd: '2025-06-14' }))).toMatchObject({ size: 14, min: 14, max: 14, instancesInPeriod: 14 });
  });
  it('suggests one and asks to confirm when the period is shorter than one interval', () => {
    const r = ok(type2('quarterly', { periodStart: '2025-01-01', periodEnd: '2025-02-28' }));
    expect(r).toMatchObject({ size: 1, min: 1, max: 1, instancesInPeriod: 1 });
    expect(r.notes.join(' ')).toMatch(/shorter than one interval of a quarterly control/);
  });
  it('uses a counted population instead of the estimate', () => {
    const r = ok(type2('monthly', { populationCount: 3 }));
    expect(r).toMatchObject({ size: 2, min: 2, max: 3, instancesInPeriod: 3 });
    expect(r.basis).toMatch(/3 instances counted in the population/);
    expect(ok(type2('multiple_times_per_day', { populationCount: 30 }))).toMatchObject({ size: 25, min: 25, max: 30 });
    expect(suggestSampleSize(type2('weekly', { populationCount: 0 }))).toMatchObject({ ok: false, code: 'no_population' });
  });
  it('never suggests more than the instances in the period, for any frequency and period', () => {
    const periodic = controlFrequencySchema.options.filter((f) => f !== 'event_driven' && f !== 'automated');
    fc.assert(
      fc.property(
        fc.constantFrom(...periodic),
        fc.integer({ min: 20_000, max: 20_500 }),
        fc.integer({ min: 0, max: 400 }),
        fc.option(fc.integer({ min: 1, max: 500 }), { nil: undefined }),
        (frequency, start, len, populationCount) => {
          const r = ok(type2(frequency, { periodStart: isoDateOf(start), periodEnd: isoDateOf(start + len), populationCount }));
          expect(r.min).toBeLessThanOrEqual(r.size);
          expect(r.size).toBeLessThanOrEqual(r.max);
          expect(r.size).toBeGreaterThanOrEqual(1);
          if (r.instancesInPeriod !== null) expect(r.max).toBeLessThanOrEqual(r.instancesInPeriod);
          if (populationCount !== undefined) expect(r.instancesInPeriod).toBe(populationCount);
        },
      ),
    );
  });
});

describe('suggestSampleSize: Type 1, automated, event-driven', () => {
  it('asks for one instance in a Type 1 whatever the frequency', () => {
    for (const frequency of controlFrequencySchema.options) {
      const r = ok({ frequency, engagementKind: 'type1', periodStart: '2025-06-30', periodEnd: '2025-06-30' });
      expect(r).toMatchObject({ size: 1, min: 1, max: 1, instancesInPeriod: null });
      expect(r.basis).toMatch(/^Type 1 engagement/);
    }
  });
  it('tests one instance of an automated control and says what that relies on', () => {
    const r = ok(type2('automated'));
    expect(r).toMatchObject({ size: 1, min: 1, max: 1 });
    expect(r.notes.join(' ')).toMatch(/relies on IT general controls .* being effective for the whole period/i);
  });

  // populationCount → [size, min, max], from sampleSizeGuidance.populationBased.bands.
  const bands: Array<[number, number, number, number]> = [
    [1, 1, 1, 1],
    [2, 2, 2, 2],
    [3, 2, 2, 2],
    [4, 2, 2, 2],
    [5, 3, 2, 5],
    [12, 3, 2, 5],
    [13, 5, 5, 13],
    [14, 5, 5, 14],
    [52, 5, 5, 15],
    [53, 25, 20, 40],
    [365, 25, 20, 40],
    [366, 25, 25, 60],
    [100_000, 25, 25, 60],
  ];
  it.each(bands)('event-driven with a population of %i: %i (range %i–%i)', (populationCount, size, min, max) => {
    expect(ok(type2('event_driven', { populationCount }))).toMatchObject({ size, min, max, instancesInPeriod: populationCount });
  });
  it('tests all of a population no larger than the sample', () => {
    expect(ok(type2('event_driven', { populationCount: 2 })).basis).toMatch(/test all 2/);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5_000 }), (n) => {
        const r = ok(type2('event_driven', { populationCount: n }));
        return r.size <= n && r.max <= n && r.min <= r.size;
      }),
    );
  });
  it('needs a non-empty population count for an event-driven control', () => {
    const missing = suggestSampleSize(type2('event_driven'));
    expect(missing).toMatchObject({ ok: false, code: 'no_population' });
    expect(!missing.ok && missing.message).toMatch(/count the events/);
    expect(suggestSampleSize(type2('event_driven', { populationCount: 0 }))).toMatchObject({ ok: false, code: 'no_population' });
  });
});

describe('suggestSampleSize: overrides', () => {
  it('accepts a size within the range with a reason', () => {
    expect(ok(type2('quarterly', { override: { size: 4, reason: 'Prior-year exception' } }))).toMatchObject({
      size: 4,
      default: 2,
      overridden: true,
      overrideReason: 'Prior-year exception',
    });
  });
  it('refuses a size outside the range and names the range', () => {
    for (const size of [1, 5, 2.5]) {
      const r = suggestSampleSize(type2('quarterly', { override: { size, reason: 'risk' } }));
      expect(r).toMatchObject({ ok: false, code: 'override_out_of_range' });
      expect(!r.ok && r.message).toContain('the allowed range is 2–4');
    }
  });
  it('clamps the range to the instances in a short period', () => {
    const r = suggestSampleSize(type2('quarterly', { ...HALF, override: { size: 3, reason: 'risk' } }));
    expect(!r.ok && r.message).toBe('A sample size of 3 is not allowed for a quarterly control with 2 instances in the period: only 2 is allowed');
    expect(suggestSampleSize(type1Override(2))).toMatchObject({ ok: false, code: 'override_out_of_range' });
  });
  it('needs a reason that is more than whitespace', () => {
    for (const reason of ['', '   ']) {
      const r = suggestSampleSize(type2('monthly', { override: { size: 5, reason } }));
      expect(r).toMatchObject({ ok: false, code: 'override_without_reason' });
      expect(!r.ok && r.message).toMatch(/from 2 to 5 needs a reason/);
    }
  });
});

function type1Override(size: number): SampleSizeInput {
  return { frequency: 'daily', engagementKind: 'type1', periodStart: '2025-06-30', periodEnd: '2025-06-30', override: { size, reason: 'x' } };
}

describe('suggestSampleSize: invalid input', () => {
  it('names the bad field', () => {
    const r = suggestSampleSize({ ...type2('monthly'), periodStart: '2025-13-01' });
    expect(r).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(!r.ok && r.message).toMatch(/periodStart/);
    const f = suggestSampleSize({ ...type2('monthly'), frequency: 'hourly' as ControlFrequency });
    expect(!f.ok && f.message).toMatch(/frequency/);
    expect(suggestSampleSize(type2('event_driven', { populationCount: -1 }))).toMatchObject({ ok: false, code: 'invalid_input' });
  });
  it('refuses a period that ends before it starts', () => {
    expect(suggestSampleSize(type2('monthly', { periodStart: '2025-12-31', periodEnd: '2025-01-01' }))).toMatchObject({ ok: false, code: 'invalid_period' });
  });
});
