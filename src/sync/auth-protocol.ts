import { z } from 'zod';
import { actorMembershipSchema, firmRoleSchema } from '../domain/permissions/actor';
import { roleSchema } from '../domain/records/membership';

/** Auth and team routes: the shapes client and server share. */

export const MIN_PASSWORD_LENGTH = 12;

export const emailSchema = z.string().trim().toLowerCase().pipe(z.email({ error: 'Enter a valid e-mail address' })).pipe(z.string().max(254));
export const newPasswordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, { error: `Use at least ${MIN_PASSWORD_LENGTH} characters` })
  .max(256, { error: 'Use at most 256 characters' });

export const signInRequestSchema = z.object({ email: emailSchema, password: z.string().min(1, 'Enter your password').max(256) });
export type SignInRequest = z.infer<typeof signInRequestSchema>;

export const publicUserSchema = z.object({ id: z.uuid(), email: z.string(), name: z.string(), firmRole: firmRoleSchema });
export type PublicUser = z.infer<typeof publicUserSchema>;

/** Answer of sign-in, invitation acceptance and GET /api/auth/me. */
export const meResponseSchema = z.object({ user: publicUserSchema, memberships: z.array(actorMembershipSchema) });
export type MeResponse = z.infer<typeof meResponseSchema>;

export const errorResponseSchema = z.object({
  error: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  retryAfterSeconds: z.number().int().positive().optional(),
});
export type ErrorResponse = z.infer<typeof errorResponseSchema>;

export const engagementParamsSchema = z.object({ engagementId: z.uuid() });
export const memberParamsSchema = engagementParamsSchema.extend({ userId: z.uuid() });
export const invitationParamsSchema = engagementParamsSchema.extend({ invitationId: z.uuid() });
export const invitationTokenParamsSchema = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'not an invitation token') });

export const createInvitationRequestSchema = z
  .object({
    email: emailSchema,
    role: roleSchema,
    /** Required for client contacts: the organisation they answer for. */
    organization: z.string().trim().min(1).max(200).nullable().default(null),
  })
  .refine((r) => r.role !== 'client' || r.organization !== null, { message: 'A client contact needs an organisation', path: ['organization'] });
export type CreateInvitationRequest = z.infer<typeof createInvitationRequestSchema>;

export const invitationSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  role: roleSchema,
  organization: z.string().nullable(),
  expiresAt: z.iso.datetime({ offset: true }),
});

export const createInvitationResponseSchema = z.object({
  invitation: invitationSchema,
  /** Path to send to the invitee (no mail server needed): `/invite/<token>`. Shown once. */
  link: z.string(),
});

export const invitationInfoResponseSchema = z.object({
  email: z.string(),
  engagementName: z.string(),
  role: roleSchema,
  expiresAt: z.iso.datetime({ offset: true }),
  /** True when the e-mail already has an account: accepting then needs that account's password. */
  existingAccount: z.boolean(),
});

export const acceptInvitationRequestSchema = z.object({ name: z.string().trim().min(1).max(200), password: newPasswordSchema });
/** Accepting when the e-mail already has an account (`existingAccount`): that account's current password; any name is ignored. */
export const acceptInvitationWithAccountRequestSchema = z.object({ password: z.string().min(1, 'Enter your password').max(256) });

export const teamMemberSchema = z.object({
  userId: z.uuid(),
  membershipId: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  organization: z.string().nullable(),
});
export const teamResponseSchema = z.object({ members: z.array(teamMemberSchema), invitations: z.array(invitationSchema) });
export type TeamResponse = z.infer<typeof teamResponseSchema>;

export const changeRoleRequestSchema = z
  .object({ role: roleSchema, organization: z.string().trim().min(1).max(200).nullable().default(null) })
  .refine((r) => r.role !== 'client' || r.organization !== null, { message: 'A client contact needs an organisation', path: ['organization'] });
