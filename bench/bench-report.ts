/** One line of JSON, printed last by every bench/*.bench.ts and read by scripts/bench.mjs. */
export type BenchFigure = {
  label: string;
  value: number;
  unit: string;
  budget: string | null;
  ok: boolean | null;
};

export const printReport = (name: string, figures: BenchFigure[], notes?: string): void => {
  console.log(JSON.stringify({ name, figures, notes }));
};

export const median = (xs: readonly number[]): number => percentile(xs, 0.5);

export const percentile = (xs: readonly number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const i = (s.length - 1) * p;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return (s[lo] ?? 0) + ((s[hi] ?? 0) - (s[lo] ?? 0)) * (i - lo);
};
