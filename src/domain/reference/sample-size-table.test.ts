import { describe, expect, it } from 'vitest';
import { FREQUENCY_TABLE, POPULATION_BANDS, TYPE1_SAMPLE_SIZE, controlFrequencySchema } from './sample-size-table';

describe('sample-size table seed', () => {
  it('has a row with default inside [min, max] for every periodic frequency', () => {
    for (const f of controlFrequencySchema.options.filter((x) => x !== 'event_driven')) {
      const row = FREQUENCY_TABLE.get(f);
      expect(row, f).toBeDefined();
      expect(row!.min).toBeLessThanOrEqual(row!.default);
      expect(row!.default).toBeLessThanOrEqual(row!.max);
    }
    expect(FREQUENCY_TABLE.has('event_driven')).toBe(false);
  });

  it('carries the reference defaults', () => {
    expect(FREQUENCY_TABLE.get('quarterly')).toMatchObject({ default: 2, min: 2, max: 4, instancesPerYear: 4 });
    expect(FREQUENCY_TABLE.get('daily')).toMatchObject({ default: 25, min: 20, max: 40 });
    expect(FREQUENCY_TABLE.get('automated')).toMatchObject({ default: 1, min: 1, max: 1 });
    expect(TYPE1_SAMPLE_SIZE).toBe(1);
  });

  it('parses the population bands into contiguous ranges', () => {
    expect(POPULATION_BANDS[0]).toMatchObject({ populationMin: 1, populationMax: 1, all: true });
    expect(POPULATION_BANDS.find((b) => b.populationMin === 53)).toMatchObject({ min: 20, max: 40, default: 25 });
    for (let i = 1; i < POPULATION_BANDS.length; i++) {
      expect(POPULATION_BANDS[i]!.populationMin).toBe((POPULATION_BANDS[i - 1]!.populationMax ?? Infinity) + 1);
    }
    expect(POPULATION_BANDS.at(-1)!.populationMax).toBeNull();
  });
});
