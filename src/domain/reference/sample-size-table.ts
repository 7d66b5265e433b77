import { z } from 'zod';
import reference from './soc2-reference.json';

export const controlFrequencySchema = z.enum([
  'annual',
  'semiannual',
  'quarterly',
  'monthly',
  'weekly',
  'daily',
  'multiple_times_per_day',
  'event_driven',
  'automated',
]);
export type ControlFrequency = z.infer<typeof controlFrequencySchema>;

export type SizeRange = { readonly default: number; readonly min: number; readonly max: number };
export type FrequencyRow = SizeRange & { readonly frequency: ControlFrequency; readonly instancesPerYear: number | null; readonly note: string };

const rowSchema = z.object({
  frequency: z.string(),
  instancesPerYear: z.union([z.number(), z.string()]).optional(),
  default: z.union([z.number(), z.string()]),
  min: z.number().int().positive().optional(),
  max: z.number().int().positive().optional(),
  note: z.string().optional(),
});

const raw = z.array(rowSchema).parse(reference.sampleSizeGuidance.recommendedDefaults);

const rowFor = (frequency: ControlFrequency): FrequencyRow | null => {
  const r = raw.find((x) => x.frequency === frequency);
  if (!r || typeof r.default !== 'number' || r.min === undefined || r.max === undefined) return null;
  return {
    frequency,
    instancesPerYear: typeof r.instancesPerYear === 'number' ? r.instancesPerYear : null,
    default: r.default,
    min: r.min,
    max: r.max,
    note: r.note ?? '',
  };
};

/** Sample-size defaults by control frequency (practitioner guidance from the reference file). */
export const FREQUENCY_TABLE: ReadonlyMap<ControlFrequency, FrequencyRow> = new Map(
  controlFrequencySchema.options.flatMap((f) => {
    const row = rowFor(f);
    return row ? [[f, row] as const] : [];
  }),
);

const typeOneRow = raw.find((x) => x.frequency === 'type1_design_and_implementation');
export const TYPE1_SAMPLE_SIZE = typeof typeOneRow?.default === 'number' ? typeOneRow.default : 1;

export type PopulationBand = SizeRange & { readonly populationMin: number; readonly populationMax: number | null; readonly all: boolean };

/**
 * Event-driven controls: the population count maps to a size. The reference states the
 * bands as prose ("2-5 (default 3)"), so they are parsed here once and checked.
 */
export const POPULATION_BANDS: readonly PopulationBand[] = z
  .array(z.object({ populationMin: z.number().int(), populationMax: z.number().int().nullable(), sample: z.union([z.number(), z.string()]) }))
  .parse(reference.sampleSizeGuidance.populationBased.bands)
  .map((b) => {
    if (typeof b.sample === 'number') return { ...b, default: b.sample, min: b.sample, max: b.sample, all: false };
    const all = /^all/.exec(b.sample);
    if (all) return { ...b, default: b.populationMin, min: b.populationMin, max: b.populationMin, all: true };
    const m = /^(\d+)-(\d+) \(default (\d+)\)$/.exec(b.sample);
    if (!m) throw new Error(`reference: population band '${b.sample}' is not of the form 'min-max (default n)'`);
    return { ...b, min: Number(m[1]), max: Number(m[2]), default: Number(m[3]), all: false };
  });

