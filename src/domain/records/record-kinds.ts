import { z } from 'zod';
import { engagementSchema } from './engagement';
import { membershipSchema } from './membership';
import { controlSchema } from './control';
import { procedureSchema } from './procedure';
import { populationItemSchema, populationSchema } from './population';
import { sampleSchema } from './sample';
import { resultSchema } from './result';
import { exceptionSchema } from './exception';
import { managementResponseRequestSchema } from './management-response-request';
import { evidenceRequestSchema } from './evidence-request';
import { commentSchema } from './comment';
import { reviewNoteSchema } from './review-note';
import { signOffSchema } from './sign-off';
import { attachmentSchema } from './attachment';
import { auditEventSchema } from './audit-event';

/** Every record kind, by its `kind` tag: the one list storage, sync and server iterate. */
export const RECORD_SCHEMAS = {
  engagement: engagementSchema,
  membership: membershipSchema,
  control: controlSchema,
  procedure: procedureSchema,
  population: populationSchema,
  populationItem: populationItemSchema,
  sample: sampleSchema,
  result: resultSchema,
  exception: exceptionSchema,
  managementResponseRequest: managementResponseRequestSchema,
  evidenceRequest: evidenceRequestSchema,
  comment: commentSchema,
  reviewNote: reviewNoteSchema,
  signOff: signOffSchema,
  attachment: attachmentSchema,
  auditEvent: auditEventSchema,
} as const;

export type RecordKind = keyof typeof RECORD_SCHEMAS;
export const recordKindSchema = z.enum(Object.keys(RECORD_SCHEMAS) as [RecordKind, ...RecordKind[]]);

export const anyRecordSchema = z.discriminatedUnion('kind', [
  engagementSchema,
  membershipSchema,
  controlSchema,
  procedureSchema,
  populationSchema,
  populationItemSchema,
  sampleSchema,
  resultSchema,
  exceptionSchema,
  managementResponseRequestSchema,
  evidenceRequestSchema,
  commentSchema,
  reviewNoteSchema,
  signOffSchema,
  attachmentSchema,
  auditEventSchema,
]);

export type AnyRecord = z.infer<typeof anyRecordSchema>;
export type RecordOf<K extends RecordKind> = Extract<AnyRecord, { kind: K }>;
