import { z } from 'zod';
import { recordBaseShape } from './record-base';

export const roleSchema = z.enum(['manager', 'auditor', 'client']);

export const membershipSchema = z.object({
  ...recordBaseShape,
  kind: z.literal('membership'),
  userId: z.uuid(),
  role: roleSchema,
  /** For client contacts: the organisation they answer for. */
  organization: z.string().max(200).nullable(),
});

export type Membership = z.infer<typeof membershipSchema>;
export type Role = z.infer<typeof roleSchema>;
