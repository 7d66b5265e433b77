import { drawStratified } from './draw-stratified';
import { compareEligible, preparePopulation, type EligibleItem, type PreparePopulationFailureCode } from './eligible-population';
import { normalizeText, type PopulationItemContent } from './canonical-population';
import type { Period } from './period';
import { seededRng } from './sample-rng';

export type SelectSampleInput = Period & {
  items: readonly PopulationItemContent[];
  /** Recorded with every sample, so anyone can re-run the draw and get the same items. */
  seed: string;
  size: number;
};

export type SelectedItem = {
  key: string;
  /** Position in the selection, 0-based, in date order (then key). */
  index: number;
  /**
   * Which of the `size` equal date slices of the period the item's date falls in (0-based).
   * 0 for every item when the whole population is taken (method 'all').
   */
  stratum: number;
};

export type SampleSelection = {
  ok: true;
  populationSha256: string;
  seed: string;
  selected: SelectedItem[];
  /** Items dated within the period, the ones a draw can pick. */
  eligibleCount: number;
  method: 'random' | 'all';
};

export type SelectSampleFailureCode = PreparePopulationFailureCode | 'invalid_seed' | 'invalid_size';
export type SelectSampleResult = SampleSelection | { ok: false; code: SelectSampleFailureCode; message: string };

/** Tags the PRNG seed with its purpose, so a selection and an extension never share one. */
export const SELECTION_SEED_TAG = 'tickmark-sample-v1';

export const checkSeed = (seed: string): { ok: true } | { ok: false; code: 'invalid_seed'; message: string } =>
  seed.trim() === '' ? { ok: false, code: 'invalid_seed', message: 'The selection seed is empty: a draw must be reproducible from its seed' } : { ok: true };

export const checkCount = (n: number, what: string): { ok: true } | { ok: false; message: string } =>
  Number.isInteger(n) && n >= 1 ? { ok: true } : { ok: false, message: `The ${what} must be a whole number of at least 1 (got ${n})` };

/** Items sorted by date then key, numbered from `firstIndex`. */
export const numberSelection = (picks: ReadonlyArray<{ item: EligibleItem; stratum: number }>, firstIndex: number): SelectedItem[] =>
  [...picks].sort((a, b) => compareEligible(a.item, b.item)).map((p, i) => ({ key: p.item.key, index: firstIndex + i, stratum: p.stratum }));

/**
 * Draws a sample from the items dated within the period. Reproducible: the same population
 * (in any row or column order) and the same seed give the same selection, because the PRNG
 * is seeded from SHA-256 of the seed and the population hash and draws from the items in
 * canonical order. Spread: see drawStratified. When the size reaches the number of eligible
 * items, all of them are taken.
 */
export const selectSample = (input: SelectSampleInput): SelectSampleResult => {
  const seed = checkSeed(input.seed);
  if (!seed.ok) return seed;
  const size = checkCount(input.size, 'sample size');
  if (!size.ok) return { ok: false, code: 'invalid_size', message: size.message };
  const population = preparePopulation(input.items, input);
  if (!population.ok) return population;

  const { eligible, period, populationSha256 } = population;
  const base = { ok: true as const, populationSha256, seed: input.seed, eligibleCount: eligible.length };
  if (input.size >= eligible.length) {
    return { ...base, method: 'all', selected: numberSelection(eligible.map((item) => ({ item, stratum: 0 })), 0) };
  }
  const rng = seededRng([SELECTION_SEED_TAG, normalizeText(input.seed), populationSha256]);
  return { ...base, method: 'random', selected: numberSelection(drawStratified(eligible, input.size, period, rng), 0) };
};
