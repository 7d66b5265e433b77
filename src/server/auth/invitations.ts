import type { z } from 'zod';
import { v7 } from 'uuid';
import {
  acceptInvitationRequestSchema,
  acceptInvitationWithAccountRequestSchema,
  type CreateInvitationRequest,
  type createInvitationResponseSchema,
  type invitationInfoResponseSchema,
  type invitationSchema,
  type MeResponse,
} from '../../sync/auth-protocol';
import type { Actor } from '../../domain/permissions/actor';
import type { RecordOf } from '../../domain/records/record-kinds';
import type { Db, Queryable } from '../store/db';
import { createInvitationsRepo, type InvitationRow } from '../store/invitations-repo';
import { createRecordsRepo } from '../store/records-repo';
import { createUsersRepo, type User } from '../store/users-repo';
import { writeTransaction } from '../store/write-transaction';
import { AUTH_POLICY, type Clock } from './auth-policy';
import { loadMemberships, toPublicUser } from './authenticate';
import type { Credentials } from './credentials';
import { noSuchEngagement } from './engagement-access';
import { liveMemberships, newMembership, writeMembership } from './membership-writes';
import { hashPassword } from './password';
import { catchRefusal, refusal, RefusedInTransaction, type Refusal } from './refusal';
import { parseInput } from './request-input';
import { hashToken, newOpaqueToken } from './session-token';
import type { Sessions } from './sessions';

type InvitationView = z.infer<typeof invitationSchema>;
type CreatedInvitation = z.infer<typeof createInvitationResponseSchema>;
type InvitationInfo = z.infer<typeof invitationInfoResponseSchema>;

export const invitationView = (i: InvitationRow): InvitationView => ({ id: i.id, email: i.email, role: i.role, organization: i.organization, expiresAt: i.expiresAt });

const liveEngagement = async (q: Queryable, engagementId: string): Promise<RecordOf<'engagement'> | null> => {
  const e = await createRecordsRepo(q).get('engagement', engagementId);
  return e && !e.deleted ? e : null;
};

/** A pending invitation with its engagement, or why the link no longer works. */
const pendingInvitation = async (q: Queryable, token: string, at: Date): Promise<{ ok: true; invitation: InvitationRow; engagement: RecordOf<'engagement'> } | Refusal> => {
  const invitation = await createInvitationsRepo(q).findByTokenHash(hashToken(token));
  if (!invitation) return refusal(404, 'This invitation link is not valid: check that it was copied whole');
  if (invitation.acceptedAt !== null) return refusal(410, 'This invitation has already been used: sign in instead');
  if (invitation.revokedAt !== null) return refusal(410, 'This invitation was withdrawn: ask the engagement manager for a new one');
  if (Date.parse(invitation.expiresAt) <= at.getTime()) return refusal(410, 'This invitation has expired: ask the engagement manager for a new one');
  const engagement = await liveEngagement(q, invitation.engagementId);
  if (!engagement) return refusal(410, 'The engagement of this invitation no longer exists');
  return { ok: true, invitation, engagement };
};

const isMember = async (q: Queryable, engagementId: string, userId: string): Promise<boolean> =>
  (await liveMemberships(q, engagementId)).some((m) => m.userId === userId);

export type AcceptedInvitation = { readonly ok: true; readonly token: string; readonly me: MeResponse };

export type AcceptInput = { readonly token: string; readonly body: unknown; readonly ip: string; readonly userAgent: string | null };

/** Single-use invitation links: create (by a manager), look up and accept (by the invitee, without a session). */
export const createInvitations = ({ db, now, credentials, sessions }: { db: Db; now: Clock; credentials: Credentials; sessions: Sessions }) => ({
  /** The caller has checked that `actor` may invite members to the engagement. */
  create: async (actor: Actor, engagementId: string, request: CreateInvitationRequest): Promise<{ ok: true; created: CreatedInvitation } | Refusal> => {
    const at = now();
    if (!(await liveEngagement(db, engagementId))) return refusal(404, noSuchEngagement(engagementId));
    const existing = await createUsersRepo(db).findByEmail(request.email);
    if (existing && (await isMember(db, engagementId, existing.id))) return refusal(409, `${request.email} is already a member of this engagement`);
    const token = newOpaqueToken();
    const row = await db.transaction(
      (tx) =>
        createInvitationsRepo(tx).create({
          id: v7(),
          engagementId,
          email: request.email,
          role: request.role,
          organization: request.organization,
          tokenHash: hashToken(token),
          invitedBy: actor.userId,
          now: at,
          expiresAt: new Date(at.getTime() + AUTH_POLICY.invitationLifetimeMs),
        }),
      { isolation: 'read committed' },
    );
    return { ok: true, created: { invitation: invitationView(row), link: `/invite/${token}` } };
  },

  info: async (token: string): Promise<{ ok: true; info: InvitationInfo } | Refusal> => {
    const pending = await pendingInvitation(db, token, now());
    if (!pending.ok) return pending;
    const { invitation, engagement } = pending;
    const existingAccount = (await createUsersRepo(db).findByEmail(invitation.email)) !== undefined;
    return { ok: true, info: { email: invitation.email, engagementName: engagement.name, role: invitation.role, expiresAt: invitation.expiresAt, existingAccount } };
  },

  /**
   * Creates the account (or, when the e-mail has one, checks its password), adds the
   * membership record, uses up the invitation and starts a session: all or nothing.
   */
  accept: async ({ token, body, ip, userAgent }: AcceptInput): Promise<AcceptedInvitation | Refusal> => {
    const pending = await pendingInvitation(db, token, now());
    if (!pending.ok) return pending;
    const { invitation } = pending;
    const account = await createUsersRepo(db).findByEmail(invitation.email);

    let newUser: { id: string; name: string; passwordHash: string } | null = null;
    let user: User | undefined = account;
    if (account) {
      const input = parseInput(acceptInvitationWithAccountRequestSchema, body, 'body');
      if (!input.ok) return input;
      const checked = await credentials.check({ email: invitation.email, password: input.data.password, ip });
      if (!checked.ok) {
        if (checked.code === 'rate_limited') return refusal(429, 'Too many failed attempts: wait before trying again', { retryAfterSeconds: checked.retryAfterSeconds });
        return refusal(401, `Wrong password for ${invitation.email}: this e-mail already has an account, enter its password`);
      }
      user = checked.user;
    } else {
      const input = parseInput(acceptInvitationRequestSchema, body, 'body');
      if (!input.ok) return input;
      // Hashed before the transaction: it is the slow part, and must not hold the write lock.
      newUser = { id: v7(), name: input.data.name, passwordHash: await hashPassword(input.data.password) };
    }

    return catchRefusal(() =>
      writeTransaction(db, async (tx) => {
        const at = now();
        if (newUser) {
          const created = await createUsersRepo(tx).create({ ...newUser, email: invitation.email, firmRole: null });
          if (!created.ok) throw new RefusedInTransaction(refusal(409, 'An account with this e-mail was created meanwhile: reload the invitation and enter that account’s password'));
          user = created.user;
        }
        if (!user) throw new Error('accept invitation: no user');
        if (!(await createInvitationsRepo(tx).markAccepted(invitation.id, user.id, at))) {
          throw new RefusedInTransaction(refusal(410, 'This invitation was used or withdrawn meanwhile'));
        }
        if (await isMember(tx, invitation.engagementId, user.id)) throw new RefusedInTransaction(refusal(409, 'You are already a member of this engagement: sign in instead'));
        await writeMembership(
          tx,
          newMembership({ engagementId: invitation.engagementId, userId: user.id, role: invitation.role, organization: invitation.organization, by: user.id, at }),
          'acceptInvitation',
          user.id,
          { invitationId: invitation.id, invitedBy: invitation.invitedBy, role: invitation.role, organization: invitation.organization },
        );
        const started = await sessions.start(tx, user.id, userAgent);
        const me: MeResponse = { user: toPublicUser(user), memberships: await loadMemberships(tx, user.id) };
        return { ok: true as const, token: started.token, me };
      }),
    );
  },
});

export type Invitations = ReturnType<typeof createInvitations>;
