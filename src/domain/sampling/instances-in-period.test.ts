import { describe, expect, it } from 'vitest';
import { checkPeriod, type CheckedPeriod } from './period';
import { instancesInPeriod } from './instances-in-period';

const p = (periodStart: string, periodEnd: string): CheckedPeriod => {
  const c = checkPeriod({ periodStart, periodEnd });
  if (!c.ok) throw new Error(c.message);
  return c;
};
const year = p('2025-01-01', '2025-12-31');
const half = p('2025-01-01', '2025-06-30');

describe('instancesInPeriod', () => {
  it('matches the reference instances per year over a 12-month period', () => {
    expect(instancesInPeriod('annual', year)).toBe(1);
    expect(instancesInPeriod('semiannual', year)).toBe(2);
    expect(instancesInPeriod('quarterly', year)).toBe(4);
    expect(instancesInPeriod('monthly', year)).toBe(12);
    expect(instancesInPeriod('weekly', year)).toBe(52);
    expect(instancesInPeriod('daily', year)).toBe(365);
  });
  it('counts only whole intervals in a shorter period', () => {
    expect(instancesInPeriod('quarterly', half)).toBe(2);
    expect(instancesInPeriod('semiannual', half)).toBe(1);
    expect(instancesInPeriod('annual', half)).toBe(0);
    expect(instancesInPeriod('monthly', p('2025-04-01', '2025-06-30'))).toBe(3);
    expect(instancesInPeriod('quarterly', p('2025-01-01', '2025-05-31'))).toBe(1);
    expect(instancesInPeriod('weekly', p('2025-01-01', '2025-01-20'))).toBe(2);
    expect(instancesInPeriod('daily', p('2025-01-01', '2025-01-14'))).toBe(14);
  });
  it('does not guess where the period alone cannot tell', () => {
    expect(instancesInPeriod('event_driven', year)).toBeNull();
    expect(instancesInPeriod('automated', year)).toBeNull();
    expect(instancesInPeriod('multiple_times_per_day', year)).toBeNull();
  });
});
