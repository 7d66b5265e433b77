import { describe, expect, it } from 'vitest';
import { seededRng } from './sample-rng';

const firstValues = (parts: string[], n = 8) => {
  const rng = seededRng(parts);
  return Array.from({ length: n }, () => rng.next());
};

describe('seededRng', () => {
  it('gives the same sequence for the same parts', () => {
    expect(firstValues(['tag', 'seed', 'hash'])).toEqual(firstValues(['tag', 'seed', 'hash']));
  });
  it('gives different sequences when any part changes, or parts are split differently', () => {
    const base = firstValues(['tag', 'seed', 'hash']);
    expect(firstValues(['tag', 'seed2', 'hash'])).not.toEqual(base);
    expect(firstValues(['tag', 'seed', 'hash2'])).not.toEqual(base);
    expect(firstValues(['tag', 'se', 'edhash'])).not.toEqual(base);
    expect(firstValues(['other', 'seed', 'hash'])).not.toEqual(base);
  });
  it('gives each caller its own generator', () => {
    const a = seededRng(['x']);
    a.next();
    expect(seededRng(['x']).next()).toBe(firstValues(['x'], 1)[0]);
  });
});
