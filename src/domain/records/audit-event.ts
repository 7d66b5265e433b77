import { z } from 'zod';
import { recordBaseShape } from './record-base';

/** Append-only: written by the server for every applied mutation, never edited. */
export const auditEventSchema = z.object({
  ...recordBaseShape,
  kind: z.literal('auditEvent'),
  actorId: z.string().min(1),
  action: z.string().min(1),
  targetKind: z.string().min(1),
  targetId: z.uuid(),
  clientId: z.string().nullable(),
  /** The client's own clock, for the record only: order comes from the server version. */
  clientTime: z.iso.datetime({ offset: true }).nullable(),
  serverTime: z.iso.datetime({ offset: true }),
  detail: z.record(z.string(), z.unknown()),
});

export type AuditEvent = z.infer<typeof auditEventSchema>;
