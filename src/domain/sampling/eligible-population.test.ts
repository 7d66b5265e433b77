import { describe, expect, it } from 'vitest';
import { preparePopulation } from './eligible-population';
import { populationSha256, type PopulationItemContent } from './canonical-population';

const PERIOD = { periodStart: '2025-01-01', periodEnd: '2025-06-30' };
const item = (key: string, date: string): PopulationItemContent => ({ key, label: key, date, fields: {} });

describe('preparePopulation', () => {
  it('keeps the items within the period, by date then key, and hashes the whole population', () => {
    const items = [item('b', '2025-03-01'), item('late', '2025-07-01'), item('a', '2025-03-01'), item('early', '2024-12-31'), item('z', '2025-01-01')];
    const r = preparePopulation(items, PERIOD);
    if (!r.ok) throw new Error(r.message);
    expect(r.eligible.map((e) => e.key)).toEqual(['z', 'a', 'b']);
    expect(r.populationSha256).toBe(populationSha256(items));
    expect([...r.allKeys].sort()).toEqual(['a', 'b', 'early', 'late', 'z']);
  });
  it("keeps the caller's key text and matches on its NFC form", () => {
    const r = preparePopulation([item('cafe\u0301', '2025-01-01')], PERIOD);
    if (!r.ok) throw new Error(r.message);
    expect(r.eligible[0]?.key).toBe('cafe\u0301');
    expect(r.eligible[0]?.canonicalKey).toBe('caf\u00e9');
  });
  it('names the offending key', () => {
    const dup = preparePopulation([item('A', '2025-01-01'), item('A', '2025-01-02')], PERIOD);
    expect(!dup.ok && dup.message).toContain("'A'");
    const bad = preparePopulation([item('B', '2025-1-1')], PERIOD);
    expect(bad).toMatchObject({ ok: false, code: 'invalid_item' });
    expect(!bad.ok && bad.message).toContain("'B'");
  });
});
