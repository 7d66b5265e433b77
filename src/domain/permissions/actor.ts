import { z } from 'zod';
import { roleSchema, type Role } from '../records/membership';

export const firmRoleSchema = z.enum(['admin']).nullable();

export const actorMembershipSchema = z.object({
  engagementId: z.uuid(),
  role: roleSchema,
  /** For client contacts: the organisation whose requests they see. */
  organization: z.string().nullable(),
});

/** Who is acting: the session's user with their memberships. Every permission rule takes one. */
export const actorSchema = z.object({
  userId: z.uuid(),
  firmRole: firmRoleSchema,
  memberships: z.array(actorMembershipSchema),
});

export type Actor = z.infer<typeof actorSchema>;
export type ActorMembership = z.infer<typeof actorMembershipSchema>;

export const membershipIn = (actor: Actor, engagementId: string): ActorMembership | null =>
  actor.memberships.find((m) => m.engagementId === engagementId) ?? null;

export const roleIn = (actor: Actor, engagementId: string): Role | null => membershipIn(actor, engagementId)?.role ?? null;
