import { z } from 'zod';
import { isoDate, nonEmptyText, recordBaseShape } from './record-base';
import { requestStatusSchema } from './management-response-request';

export const evidenceRequestSchema = z.object({
  ...recordBaseShape,
  kind: z.literal('evidenceRequest'),
  title: nonEmptyText.max(300),
  detail: z.string().max(8000),
  controlId: z.uuid().nullable(),
  procedureId: z.uuid().nullable(),
  sampleIds: z.array(z.uuid()),
  addresseeOrganization: z.string().min(1).max(200),
  addresseeUserId: z.uuid().nullable(),
  dueDate: isoDate,
  status: requestStatusSchema,
  returnReason: z.string().max(4000),
});

export type EvidenceRequest = z.infer<typeof evidenceRequestSchema>;
