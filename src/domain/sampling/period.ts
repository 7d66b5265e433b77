/**
 * Calendar arithmetic on 'YYYY-MM-DD' strings. Dates are calendar days, not instants:
 * everything runs in UTC so the result never depends on the device's time zone.
 */

/** An observation period; both ends are included. Engagement records have this shape. */
export type Period = { readonly periodStart: string; readonly periodEnd: string };

/** A period that has been checked, with its ends as day numbers (days since 1970-01-01). */
export type CheckedPeriod = Period & { readonly startDay: number; readonly endDay: number; readonly days: number };

export type PeriodCheck = ({ ok: true } & CheckedPeriod) | { ok: false; code: 'invalid_period'; message: string };

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a calendar date, or null when the text is not a real 'YYYY-MM-DD' date (e.g. 2025-02-30). */
export const dayNumber = (date: string): number | null => {
  const m = ISO_DATE.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const back = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not move years 0-99 to 1900-1999.
  back.setUTCFullYear(y, mo - 1, d);
  // Out-of-range parts roll over (2025-02-30 becomes March 2); the round trip catches that.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return Math.round(back.getTime() / MS_PER_DAY);
};

export const isValidIsoDate = (date: string): boolean => dayNumber(date) !== null;

/** The 'YYYY-MM-DD' text of a day number. */
export const isoDateOf = (day: number): string => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);

export const addDays = (date: string, days: number): string | null => {
  const n = dayNumber(date);
  return n === null ? null : isoDateOf(n + days);
};

export const checkPeriod = (period: Period): PeriodCheck => {
  const startDay = dayNumber(period.periodStart);
  const endDay = dayNumber(period.periodEnd);
  if (startDay === null) return { ok: false, code: 'invalid_period', message: `Period start '${period.periodStart}' is not a valid date (YYYY-MM-DD)` };
  if (endDay === null) return { ok: false, code: 'invalid_period', message: `Period end '${period.periodEnd}' is not a valid date (YYYY-MM-DD)` };
  if (endDay < startDay) {
    return { ok: false, code: 'invalid_period', message: `The period ends (${period.periodEnd}) before it starts (${period.periodStart})` };
  }
  return { ok: true, periodStart: period.periodStart, periodEnd: period.periodEnd, startDay, endDay, days: endDay - startDay + 1 };
};

/** Both ends included. Expects valid dates; an invalid date is never within a period. */
export const isWithinPeriod = (date: string, period: Period): boolean => {
  const d = dayNumber(date);
  const s = dayNumber(period.periodStart);
  const e = dayNumber(period.periodEnd);
  return d !== null && s !== null && e !== null && s <= d && d <= e;
};

/** Day number of year/month/day parts; parts out of range roll over like Date's do. */
const dayOfParts = (year: number, month0: number, day: number): number => {
  const t = new Date(0);
  t.setUTCFullYear(year, month0, day);
  return Math.round(t.getTime() / MS_PER_DAY);
};

const daysInMonth = (year: number, month0: number): number => dayOfParts(year, month0 + 1, 1) - dayOfParts(year, month0, 1);

/** Same day of the month `months` later, clamped to the month's last day (Jan 31 + 1 month = Feb 28/29). */
const addMonthsClamped = (year: number, month0: number, day: number, months: number): { year: number; month0: number; day: number } => {
  const total = year * 12 + month0 + months;
  const y = Math.floor(total / 12);
  const m0 = total - y * 12;
  return { year: y, month0: m0, day: Math.min(day, daysInMonth(y, m0)) };
};

/**
 * Length of a checked period in months, as a fraction: whole calendar months from the start,
 * then the remaining days as a share of the month they fall in. Jan 1 – Jun 30 is exactly 6,
 * Jan 1 – Dec 31 exactly 12, Jan 15 – Apr 14 exactly 3.
 */
export const monthsInPeriod = (period: CheckedPeriod): number => {
  const start = new Date(period.startDay * MS_PER_DAY);
  const y = start.getUTCFullYear();
  const m0 = start.getUTCMonth();
  const d = start.getUTCDate();
  const endExclusive = period.endDay + 1;
  const dayOf = (p: { year: number; month0: number; day: number }) => dayOfParts(p.year, p.month0, p.day);
  const endDate = new Date(endExclusive * MS_PER_DAY);
  let whole = (endDate.getUTCFullYear() - y) * 12 + (endDate.getUTCMonth() - m0);
  while (whole > 0 && dayOf(addMonthsClamped(y, m0, d, whole)) > endExclusive) whole -= 1;
  const anchor = addMonthsClamped(y, m0, d, whole);
  const remainder = endExclusive - dayOf(anchor);
  return whole + remainder / daysInMonth(anchor.year, anchor.month0);
};

/**
 * Which of `k` equal-length slices of the period a day falls in (0-based). Slice lengths
 * differ by at most one day; when k exceeds the number of days some slices hold no day.
 */
export const stratumOfDay = (day: number, period: CheckedPeriod, k: number): number => Math.floor(((day - period.startDay) * k) / period.days);

/** The date range of each of `k` slices (see stratumOfDay); null for a slice that holds no day. */
export const splitPeriod = (period: CheckedPeriod, k: number): Array<Period | null> =>
  Array.from({ length: k }, (_, s) => {
    const first = Math.ceil((s * period.days) / k);
    const last = Math.ceil(((s + 1) * period.days) / k) - 1;
    return last < first ? null : { periodStart: isoDateOf(period.startDay + first), periodEnd: isoDateOf(period.startDay + last) };
  });
