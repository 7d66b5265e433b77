import type { ControlFrequency } from '../reference/sample-size-table';
import { monthsInPeriod, type CheckedPeriod } from './period';

const EPSILON = 1e-9;

/**
 * How many times a periodic control can be relied on to have run in the period: whole
 * intervals only (a quarterly control over 5 months is counted once), so a suggestion based on
 * it never asks for an instance that may not exist. Null where the period alone does not tell
 * (event-driven, automated, several times a day): count the population instead.
 */
export const instancesInPeriod = (frequency: ControlFrequency, period: CheckedPeriod): number | null => {
  const perMonths = (interval: number) => Math.floor(monthsInPeriod(period) / interval + EPSILON);
  switch (frequency) {
    case 'annual':
      return perMonths(12);
    case 'semiannual':
      return perMonths(6);
    case 'quarterly':
      return perMonths(3);
    case 'monthly':
      return perMonths(1);
    case 'weekly':
      return Math.floor(period.days / 7);
    case 'daily':
      // Calendar days, like the reference's 365 a year; a weekday-only control has fewer,
      // which the imported population count then corrects.
      return period.days;
    case 'multiple_times_per_day':
    case 'event_driven':
    case 'automated':
      return null;
    default: {
      const unreachable: never = frequency;
      return unreachable;
    }
  }
};
