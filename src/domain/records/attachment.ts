import { z } from 'zod';
import { nonEmptyText, recordBaseShape } from './record-base';

export const attachmentOwnerKindSchema = z.enum(['result', 'exception', 'evidenceRequest', 'managementResponseRequest', 'comment']);

export const attachmentSchema = z.object({
  ...recordBaseShape,
  kind: z.literal('attachment'),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  name: nonEmptyText.max(255),
  mimeType: z.string().min(1).max(255),
  size: z.number().int().nonnegative(),
  ownerKind: attachmentOwnerKindSchema,
  ownerId: z.uuid(),
  /** True once the server holds the bytes and has checked their hash. */
  stored: z.boolean(),
});

export type Attachment = z.infer<typeof attachmentSchema>;
