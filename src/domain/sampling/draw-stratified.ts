import { uniformInt } from 'pure-rand/distribution/uniformInt';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { stratumOfDay, type CheckedPeriod } from './period';

export type Drawn<T> = { item: T; stratum: number };

/**
 * Draws `k` distinct candidates spread over the period: the period is cut into `k` slices of
 * equal length and one candidate is drawn uniformly from each slice that has any. Slices
 * with none leave a shortfall, drawn uniformly from all candidates not yet drawn. So a
 * quarterly control's two samples come from different halves of the year whenever both
 * halves have an instance.
 *
 * `candidates` must be in a canonical order (the draw is only as reproducible as that
 * order) and `k` must be below their number (the caller takes all otherwise).
 */
export const drawStratified = <T extends { day: number }>(
  candidates: readonly T[],
  k: number,
  period: CheckedPeriod,
  rng: RandomGenerator,
): Array<Drawn<T>> => {
  const slices: T[][] = Array.from({ length: k }, () => []);
  for (const c of candidates) slices[stratumOfDay(c.day, period, k)]?.push(c);

  const drawn: Array<Drawn<T>> = [];
  const taken = new Set<T>();
  slices.forEach((slice, stratum) => {
    if (slice.length === 0) return;
    const item = slice[uniformInt(rng, 0, slice.length - 1)];
    if (item === undefined) return;
    drawn.push({ item, stratum });
    taken.add(item);
  });

  const rest = candidates.filter((c) => !taken.has(c));
  while (drawn.length < k && rest.length > 0) {
    const [item] = rest.splice(uniformInt(rng, 0, rest.length - 1), 1);
    if (item !== undefined) drawn.push({ item, stratum: stratumOfDay(item.day, period, k) });
  }
  return drawn;
};
