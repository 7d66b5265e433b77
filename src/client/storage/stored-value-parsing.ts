import type { z } from 'zod';
import { anyRecordSchema, type RecordKind, type RecordOf } from '../../domain/records/record-kinds';
import { clientMetaSchema, outboxEntrySchema, type ClientMeta, type OutboxEntry } from '../../sync/protocol';

/**
 * A stored value that no longer matches its schema (written by an older or newer app
 * version, or damaged). It is left in place, skipped by reads, and reported.
 */
export type InvalidStoredValue =
  | { readonly store: 'records'; readonly kind: string; readonly id: string; readonly message: string }
  | { readonly store: 'outbox'; readonly mutationId: number; readonly message: string }
  | { readonly store: 'meta'; readonly message: string };

export type ReportInvalid = (report: InvalidStoredValue) => void;

const describeIssues = (error: z.ZodError): string =>
  error.issues.map((i) => `${i.path.length > 0 ? i.path.join('.') : '(value)'}: ${i.message}`).join('; ');

export const parseStoredRecord = <K extends RecordKind>(
  kind: K,
  id: string,
  value: unknown,
  report: ReportInvalid,
): RecordOf<K> | undefined => {
  const parsed = anyRecordSchema.safeParse(value);
  if (!parsed.success) {
    report({ store: 'records', kind, id, message: describeIssues(parsed.error) });
    return undefined;
  }
  if (parsed.data.kind !== kind) {
    report({ store: 'records', kind, id, message: `kind: stored as '${parsed.data.kind}' under a '${kind}' key` });
    return undefined;
  }
  return parsed.data as RecordOf<K>;
};

/** For list results, whose values carry their own key. */
export const parseStoredRecordOfUnknownKey = <K extends RecordKind>(kind: K, value: unknown, report: ReportInvalid): RecordOf<K> | undefined => {
  const id = typeof value === 'object' && value !== null && 'id' in value ? String(value.id) : '(no id)';
  return parseStoredRecord(kind, id, value, report);
};

export const parseStoredOutboxEntry = (value: unknown, report: ReportInvalid): OutboxEntry | undefined => {
  const parsed = outboxEntrySchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const mutationId = typeof value === 'object' && value !== null && 'id' in value && typeof value.id === 'number' ? value.id : -1;
  report({ store: 'outbox', mutationId, message: describeIssues(parsed.error) });
  return undefined;
};

export const parseStoredClientMeta = (value: unknown, report: ReportInvalid): ClientMeta | undefined => {
  if (value === undefined) return undefined;
  const parsed = clientMetaSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  report({ store: 'meta', message: describeIssues(parsed.error) });
  return undefined;
};

/** One entry per stored key, so repeated reads of the same bad value don't pile up. */
export const invalidValueKey = (r: InvalidStoredValue): string => {
  switch (r.store) {
    case 'records':
      return `records/${r.kind}/${r.id}`;
    case 'outbox':
      return `outbox/${r.mutationId}`;
    case 'meta':
      return 'meta';
  }
};
