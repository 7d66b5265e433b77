import { compareText, normalizeText, populationSha256, type PopulationItemContent } from './canonical-population';
import { checkPeriod, dayNumber, type CheckedPeriod, type Period } from './period';

/** An item that may be drawn: dated within the period. */
export type EligibleItem = {
  /** The key as the caller gave it, to find the item again. */
  key: string;
  /** The key as the canonical form has it (NFC): identity and ordering use this. */
  canonicalKey: string;
  date: string;
  day: number;
};

export type PreparedPopulation = {
  ok: true;
  period: CheckedPeriod;
  populationSha256: string;
  /** Sorted by date, then canonical key: an order that does not depend on the input order. */
  eligible: EligibleItem[];
  /** Canonical keys of every item, eligible or not. */
  allKeys: ReadonlySet<string>;
};

export type PreparePopulationFailureCode = 'invalid_period' | 'empty_population' | 'invalid_item' | 'duplicate_key' | 'no_eligible_items';
export type PreparePopulationResult = PreparedPopulation | { ok: false; code: PreparePopulationFailureCode; message: string };

export const compareEligible = (a: EligibleItem, b: EligibleItem): number => a.day - b.day || compareText(a.canonicalKey, b.canonicalKey);

/**
 * What selection needs to know about a population: its hash and the items within the
 * period, in canonical order. Refuses what would make a draw ambiguous (two items with one
 * key, an unreadable date); validatePopulation gives the full per-row report for an import.
 */
export const preparePopulation = (items: readonly PopulationItemContent[], period: Period): PreparePopulationResult => {
  const checked = checkPeriod(period);
  if (!checked.ok) return checked;
  if (items.length === 0) return { ok: false, code: 'empty_population', message: 'The population has no items to select from' };

  const allKeys = new Set<string>();
  const eligible: EligibleItem[] = [];
  for (const item of items) {
    const canonicalKey = normalizeText(item.key);
    if (allKeys.has(canonicalKey)) {
      return { ok: false, code: 'duplicate_key', message: `Two population items have the key '${item.key}': keys must be unique to select a sample` };
    }
    allKeys.add(canonicalKey);
    const day = dayNumber(item.date);
    if (day === null) return { ok: false, code: 'invalid_item', message: `Population item '${item.key}' has an invalid date '${item.date}' (expected YYYY-MM-DD)` };
    if (day >= checked.startDay && day <= checked.endDay) eligible.push({ key: item.key, canonicalKey, date: item.date, day });
  }
  if (eligible.length === 0) {
    return {
      ok: false,
      code: 'no_eligible_items',
      message: `None of the ${items.length} population items is dated within the period ${checked.periodStart} to ${checked.periodEnd}`,
    };
  }
  eligible.sort(compareEligible);
  return { ok: true, period: checked, populationSha256: populationSha256(items), eligible, allKeys };
};
