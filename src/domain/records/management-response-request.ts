import { z } from 'zod';
import { isoDate, recordBaseShape } from './record-base';

export const requestStatusSchema = z.enum(['draft', 'sent', 'submitted', 'accepted', 'returned', 'cancelled']);

export const managementResponseRequestSchema = z.object({
  ...recordBaseShape,
  kind: z.literal('managementResponseRequest'),
  exceptionId: z.uuid(),
  addresseeOrganization: z.string().min(1).max(200),
  addresseeUserId: z.uuid().nullable(),
  dueDate: isoDate,
  status: requestStatusSchema,
  /** Owned by the client: only a client contact writes these. */
  rootCause: z.string().max(8000),
  correctiveAction: z.string().max(8000),
  dateImplemented: isoDate.nullable(),
  mitigatingControls: z.string().max(8000),
  disputed: z.boolean(),
  disputeReason: z.string().max(8000),
});

export type ManagementResponseRequest = z.infer<typeof managementResponseRequestSchema>;
export type RequestStatus = z.infer<typeof requestStatusSchema>;
