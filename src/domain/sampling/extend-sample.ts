import { normalizeText } from './canonical-population';
import { drawStratified } from './draw-stratified';
import { preparePopulation } from './eligible-population';
import { checkCount, checkSeed, numberSelection, type SampleSelection, type SelectSampleFailureCode, type SelectSampleInput } from './select-sample';
import { seededRng } from './sample-rng';

export type ExtendSampleInput = Omit<SelectSampleInput, 'size'> & {
  /** Keys already in the sample (drawn or added by hand); none of them is drawn again. */
  alreadySelectedKeys: readonly string[];
  /** How many more items to draw, e.g. after an exception in a sample of 25. */
  additional: number;
};

export type ExtendSampleFailureCode = Exclude<SelectSampleFailureCode, 'invalid_size'> | 'invalid_additional' | 'unknown_selected_key' | 'nothing_left';
export type ExtendSampleResult = SampleSelection | { ok: false; code: ExtendSampleFailureCode; message: string };

const EXTENSION_SEED_TAG = 'tickmark-sample-extension-v1';

/**
 * Draws `additional` more items from the eligible items not yet selected, spread over the
 * period like the first draw. The PRNG seed covers the seed, the population hash and the
 * already-selected keys (as a sorted set), so the same extension request always draws the
 * same items. The new items' indexes continue after the already-selected ones.
 */
export const extendSample = (input: ExtendSampleInput): ExtendSampleResult => {
  const seed = checkSeed(input.seed);
  if (!seed.ok) return seed;
  const additional = checkCount(input.additional, 'number of additional items');
  if (!additional.ok) return { ok: false, code: 'invalid_additional', message: additional.message };
  const population = preparePopulation(input.items, input);
  if (!population.ok) return population;

  const already = new Set(input.alreadySelectedKeys.map(normalizeText));
  const unknown = input.alreadySelectedKeys.find((k) => !population.allKeys.has(normalizeText(k)));
  if (unknown !== undefined) {
    return { ok: false, code: 'unknown_selected_key', message: `The already-selected key '${unknown}' is not in this population: was the population re-imported?` };
  }
  const { eligible, period, populationSha256 } = population;
  const remaining = eligible.filter((e) => !already.has(e.canonicalKey));
  if (remaining.length === 0) {
    return { ok: false, code: 'nothing_left', message: `All ${eligible.length} items in the period are already in the sample: there is nothing left to add` };
  }

  const base = { ok: true as const, populationSha256, seed: input.seed, eligibleCount: eligible.length };
  const firstIndex = already.size;
  if (input.additional >= remaining.length) {
    return { ...base, method: 'all', selected: numberSelection(remaining.map((item) => ({ item, stratum: 0 })), firstIndex) };
  }
  const alreadySorted = [...already].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const rng = seededRng([EXTENSION_SEED_TAG, normalizeText(input.seed), populationSha256, ...alreadySorted]);
  return { ...base, method: 'random', selected: numberSelection(drawStratified(remaining, input.additional, period, rng), firstIndex) };
};
