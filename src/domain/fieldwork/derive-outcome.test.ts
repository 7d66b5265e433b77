import { describe, expect, it } from 'vitest';
import { deriveOutcome } from './derive-outcome';

describe('deriveOutcome', () => {
  const keys = ['approved', 'segregated'];
  it('is an exception when any attribute fails, even with others unmarked', () => {
    expect(deriveOutcome(keys, { approved: 'fail' })).toBe('exception');
  });
  it('stays untested until every attribute is marked', () => {
    expect(deriveOutcome(keys, { approved: 'pass' })).toBe('untested');
    expect(deriveOutcome([], {})).toBe('untested');
  });
  it('is not applicable only when every attribute is n.a.', () => {
    expect(deriveOutcome(keys, { approved: 'na', segregated: 'na' })).toBe('not_applicable');
    expect(deriveOutcome(keys, { approved: 'na', segregated: 'pass' })).toBe('pass');
  });
});
