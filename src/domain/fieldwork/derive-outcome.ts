import type { AttributeMark, SampleOutcome } from '../records/result';

/** Any fail makes an exception; all n.a. means not applicable; an unmarked attribute leaves it untested. */
export const deriveOutcome = (attributeKeys: readonly string[], marks: Readonly<Record<string, AttributeMark>>): SampleOutcome => {
  const values = attributeKeys.map((k) => marks[k]);
  if (values.some((v) => v === 'fail')) return 'exception';
  if (values.length === 0 || values.some((v) => v === undefined)) return 'untested';
  if (values.every((v) => v === 'na')) return 'not_applicable';
  return 'pass';
};
