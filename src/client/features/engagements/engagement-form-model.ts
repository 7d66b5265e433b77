import type { EngagementKind } from '../../../domain/records/engagement';
import { CATEGORIES, type CategoryCode } from '../../../domain/reference/criteria';
import type { CreateEngagementArgs } from '../../../sync/mutators/create-engagement';

/** What the form holds: strings as typed, '' for "not entered". */
export type EngagementFormValues = {
  readonly name: string;
  readonly clientOrganization: string;
  readonly engagementKind: EngagementKind;
  readonly periodStart: string;
  readonly periodEnd: string;
  /** Type 1 only: the single date the description is as of. */
  readonly asOfDate: string;
  readonly categoriesInScope: readonly CategoryCode[];
  /** '' for none. */
  readonly priorEngagementId: string;
};

export type EngagementFormField = keyof EngagementFormValues;
export type FieldErrors = Partial<Record<EngagementFormField, string>>;

export const EMPTY_ENGAGEMENT_FORM: EngagementFormValues = {
  name: '',
  clientOrganization: '',
  engagementKind: 'type2',
  periodStart: '',
  periodEnd: '',
  asOfDate: '',
  categoriesInScope: ['CC'],
  priorEngagementId: '',
};

export type EngagementInput = Omit<CreateEngagementArgs, 'id' | 'membershipId'>;

export type FormCheck = { readonly ok: true; readonly input: EngagementInput } | { readonly ok: false; readonly errors: FieldErrors };

/** Categories in the reference order, Security always included (the domain refuses a scope without it). */
const categoriesFor = (chosen: readonly CategoryCode[]): CategoryCode[] => CATEGORIES.map((c) => c.code).filter((code) => code === 'CC' || chosen.includes(code));

/**
 * Catches what is simply missing, in words a person would use; the domain rules (dates in
 * order, Type 1 as of one day...) are left to the mutator, whose refusal is mapped back
 * onto the fields by `fieldErrorsFromRefusal`.
 */
export const checkEngagementForm = (values: EngagementFormValues): FormCheck => {
  const errors: FieldErrors = {};
  if (values.name.trim() === '') errors.name = 'Enter a name for the engagement';
  if (values.clientOrganization.trim() === '') errors.clientOrganization = 'Enter the client organisation';
  if (values.engagementKind === 'type1') {
    if (values.asOfDate === '') errors.asOfDate = 'Enter the date the Type 1 report is as of';
  } else {
    if (values.periodStart === '') errors.periodStart = 'Enter the first day of the period';
    if (values.periodEnd === '') errors.periodEnd = 'Enter the last day of the period';
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const [periodStart, periodEnd] = values.engagementKind === 'type1' ? [values.asOfDate, values.asOfDate] : [values.periodStart, values.periodEnd];
  return {
    ok: true,
    input: {
      name: values.name.trim(),
      clientOrganization: values.clientOrganization.trim(),
      engagementKind: values.engagementKind,
      periodStart,
      periodEnd,
      categoriesInScope: categoriesFor(values.categoriesInScope),
      priorEngagementId: values.priorEngagementId === '' ? null : values.priorEngagementId,
    },
  };
};

/** Where an issue on a record field is shown: Type 1's two dates are the one as-of field. */
const formFieldFor = (recordField: string, kind: EngagementKind): EngagementFormField | undefined => {
  switch (recordField) {
    case 'name':
    case 'clientOrganization':
    case 'engagementKind':
    case 'categoriesInScope':
    case 'priorEngagementId':
      return recordField;
    case 'periodStart':
    case 'periodEnd':
      return kind === 'type1' ? 'asOfDate' : recordField;
    default:
      return undefined;
  }
};

export type RefusalDisplay = { readonly fields: FieldErrors; readonly general: readonly string[] };

/**
 * Mutator refusals read `path: message; path: message` (see run-mutation and the
 * mutators). Each part lands beside its field; whatever names no field is shown for the form.
 */
export const fieldErrorsFromRefusal = (message: string, kind: EngagementKind): RefusalDisplay => {
  const fields: FieldErrors = {};
  const general: string[] = [];
  for (const part of message.split('; ')) {
    const match = /^([A-Za-z]+)(?:\.[\w.]+)?: (.+)$/.exec(part);
    const field = match?.[1] === undefined ? undefined : formFieldFor(match[1], kind);
    if (match?.[2] !== undefined && field !== undefined) {
      fields[field] = fields[field] ? `${fields[field]}. ${match[2]}` : match[2];
    } else {
      general.push(part);
    }
  }
  return { fields, general };
};
