import { z } from 'zod';
import { isoDate } from '../records/record-base';
import { engagementKindSchema } from '../records/engagement';
import {
  FREQUENCY_TABLE,
  POPULATION_BANDS,
  TYPE1_SAMPLE_SIZE,
  controlFrequencySchema,
  type ControlFrequency,
  type SizeRange,
} from '../reference/sample-size-table';
import { checkPeriod, monthsInPeriod, type CheckedPeriod } from './period';
import { instancesInPeriod } from './instances-in-period';

export const sampleSizeInputSchema = z.object({
  frequency: controlFrequencySchema,
  engagementKind: engagementKindSchema,
  periodStart: isoDate,
  periodEnd: isoDate,
  /**
   * Items in the population for the period (events for an event-driven control, instances
   * for a periodic one). When given it replaces the estimate from the period length.
   */
  populationCount: z.number().int().nonnegative().nullish(),
  override: z.object({ size: z.number(), reason: z.string() }).nullish(),
});
export type SampleSizeInput = z.input<typeof sampleSizeInputSchema>;

export type SampleSizeFailureCode = 'invalid_input' | 'invalid_period' | 'no_population' | 'override_out_of_range' | 'override_without_reason';

export type SampleSizeSuggestion = {
  ok: true;
  size: number;
  default: number;
  min: number;
  max: number;
  /** Instances (or events) the sample is drawn from, when known: the size never exceeds it. */
  instancesInPeriod: number | null;
  /** Why this size, in words an auditor can put in the work paper. */
  basis: string;
  notes: string[];
  overridden: boolean;
  overrideReason: string | null;
};
export type SampleSizeResult = SampleSizeSuggestion | { ok: false; code: SampleSizeFailureCode; message: string };

type Base = { range: SizeRange; instances: number | null; basis: string; notes: string[]; context: string };
type BaseResult = ({ ok: true } & Base) | { ok: false; code: SampleSizeFailureCode; message: string };

const ITGC_NOTE =
  'Relies on IT general controls (change management, logical access) being effective for the whole period; if they are not, test it as a manual control.';
const SPREAD_NOTE = 'The period is shorter than 12 months: the size counts only instances that fell in the period. Take the samples from across the whole period.';

const frequencyLabel = (f: ControlFrequency): string => (f === 'event_driven' ? 'event-driven' : f.replaceAll('_', ' '));
const rangeText = (r: SizeRange): string => (r.min === r.max ? `${r.min}` : `${r.min}–${r.max}`);
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
const monthsText = (months: number): string => `${Number.isInteger(months) ? months : months.toFixed(1)} months`;

const tableRow = (f: ControlFrequency) => {
  const row = FREQUENCY_TABLE.get(f);
  // The reference JSON ships with the app; a missing row is a build defect, not user input.
  if (!row) throw new Error(`reference: no sample-size row for frequency '${f}'`);
  return row;
};

/** The table's range, never above the number of instances there are to test. */
const clampTo = (r: SizeRange, instances: number): SizeRange => ({
  default: Math.min(r.default, instances),
  min: Math.min(r.min, instances),
  max: Math.min(r.max, instances),
});

const typeOne = (): Base => ({
  range: { default: TYPE1_SAMPLE_SIZE, min: TYPE1_SAMPLE_SIZE, max: TYPE1_SAMPLE_SIZE },
  instances: null,
  basis: `Type 1 engagement: ${TYPE1_SAMPLE_SIZE} walkthrough or instance as of the report date (reference default ${TYPE1_SAMPLE_SIZE})`,
  notes: [],
  context: 'a Type 1 engagement',
});

const automated = (): Base => {
  const row = tableRow('automated');
  return {
    range: row,
    instances: null,
    basis: `automated control: reference default ${row.default} (range ${rangeText(row)}): one instance, or each configured variant, plus the configuration`,
    notes: [ITGC_NOTE],
    context: 'an automated control',
  };
};

const eventDriven = (count: number | null | undefined): BaseResult => {
  if (count === null || count === undefined) {
    return {
      ok: false,
      code: 'no_population',
      message: 'An event-driven control is sized from its population: count the events in the period (hires, changes, incidents ...) first',
    };
  }
  if (count === 0) return { ok: false, code: 'no_population', message: 'The population is empty: no events in the period to test' };
  const band = POPULATION_BANDS.find((b) => b.populationMin <= count && (b.populationMax === null || count <= b.populationMax));
  if (!band) throw new Error(`reference: no population band covers ${count}`);
  const range = clampTo(band, count);
  const bandText = band.populationMax === null ? `${band.populationMin} or more` : `${band.populationMin}–${band.populationMax}`;
  const all = range.default === count;
  return {
    ok: true,
    range,
    instances: count,
    basis: all
      ? `event-driven control with a population of ${count}: no larger than the sample, so test all ${count}`
      : `event-driven control with a population of ${count} (band ${bandText}): reference default ${band.default} (range ${rangeText(range)})`,
    notes: [],
    context: `an event-driven control with a population of ${count}`,
  };
};

const periodic = (frequency: ControlFrequency, period: CheckedPeriod, count: number | null | undefined): BaseResult => {
  const row = tableRow(frequency);
  const label = frequencyLabel(frequency);
  const months = monthsInPeriod(period);
  const counted = count !== null && count !== undefined;
  if (count === 0) return { ok: false, code: 'no_population', message: `The population is empty: the ${label} control has no instances in the period to test` };

  const estimated = instancesInPeriod(frequency, period);
  const notes = row.note ? [row.note] : [];
  if (months < 12 - 1e-9) notes.push(SPREAD_NOTE);
  if (!counted && estimated === 0) {
    notes.push(`The period (${monthsText(months)}) is shorter than one interval of a ${label} control: confirm the control ran in the period.`);
  }
  const instances = counted ? count : estimated === null ? null : Math.max(1, estimated);
  const tableBasis = `${label} control: reference default ${row.default} (range ${rangeText(row)})`;
  if (instances === null || instances >= row.max) {
    return { ok: true, range: row, instances, basis: tableBasis, notes, context: `a ${label} control` };
  }

  const range = clampTo(row, instances);
  const where = counted ? `${plural(instances, 'instance')} counted in the population` : `${plural(instances, 'instance')} in ${monthsText(months)}`;
  const limit = range.default === instances ? `test all ${instances}` : `at most ${instances}`;
  return {
    ok: true,
    range,
    instances,
    basis: `${tableBasis}; ${where}, so ${limit}`,
    notes,
    context: `a ${label} control with ${plural(instances, 'instance')} in the period`,
  };
};

const baseFor = (input: z.output<typeof sampleSizeInputSchema>, period: CheckedPeriod): BaseResult => {
  if (input.engagementKind === 'type1') return { ok: true, ...typeOne() };
  switch (input.frequency) {
    case 'automated':
      return { ok: true, ...automated() };
    case 'event_driven':
      return eventDriven(input.populationCount);
    case 'annual':
    case 'semiannual':
    case 'quarterly':
    case 'monthly':
    case 'weekly':
    case 'daily':
    case 'multiple_times_per_day':
      return periodic(input.frequency, period, input.populationCount);
    default: {
      const unreachable: never = input.frequency;
      return unreachable;
    }
  }
};

/**
 * The sample size for one control in one engagement, from the reference guidance
 * (practitioner defaults; the AICPA prescribes none). An override must stay within the
 * allowed range and say why, because the work paper has to.
 */
export const suggestSampleSize = (input: SampleSizeInput): SampleSizeResult => {
  const parsed = sampleSizeInputSchema.safeParse(input);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ');
    return { ok: false, code: 'invalid_input', message: `Sample size input is invalid: ${detail}` };
  }
  const data = parsed.data;
  const period = checkPeriod(data);
  if (!period.ok) return { ok: false, code: period.code, message: period.message };
  const base = baseFor(data, period);
  if (!base.ok) return base;

  const { range } = base;
  const suggestion: SampleSizeSuggestion = {
    ok: true,
    size: range.default,
    default: range.default,
    min: range.min,
    max: range.max,
    instancesInPeriod: base.instances,
    basis: base.basis,
    notes: base.notes,
    overridden: false,
    overrideReason: null,
  };
  const override = data.override;
  if (!override) return suggestion;

  if (!Number.isInteger(override.size) || override.size < range.min || override.size > range.max) {
    const allowed = range.min === range.max ? `only ${range.min} is allowed` : `the allowed range is ${range.min}–${range.max}`;
    return { ok: false, code: 'override_out_of_range', message: `A sample size of ${override.size} is not allowed for ${base.context}: ${allowed}` };
  }
  if (override.reason.trim() === '') {
    return {
      ok: false,
      code: 'override_without_reason',
      message: `Changing the sample size from ${range.default} to ${override.size} needs a reason (for example: higher-risk control, prior-year exceptions)`,
    };
  }
  return { ...suggestion, size: override.size, overridden: true, overrideReason: override.reason };
};
