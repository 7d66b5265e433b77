import type { z } from 'zod';
import type { Actor } from '../../domain/permissions/actor';
import type { changeRoleRequestSchema, TeamResponse, teamMemberSchema } from '../../sync/auth-protocol';
import type { Db, Queryable } from '../store/db';
import { createInvitationsRepo } from '../store/invitations-repo';
import { writeTransaction } from '../store/write-transaction';
import type { Clock } from './auth-policy';
import { invitationView } from './invitations';
import { leavesNoManager } from './last-manager';
import { liveMemberships, writeMembership } from './membership-writes';
import { catchRefusal, refusal, RefusedInTransaction, type Refusal } from './refusal';

type TeamMember = z.infer<typeof teamMemberSchema>;
type ChangeRole = z.output<typeof changeRoleRequestSchema>;

const LAST_MANAGER = 'An engagement needs at least one manager: make someone else a manager first';

const notAMember = (userId: string): Refusal => refusal(404, `No member ${userId} in this engagement`);

const members = async (q: Queryable, engagementId: string): Promise<TeamMember[]> => {
  const { rows } = await q.query<TeamMember>(
    `SELECT u.id AS "userId", r.id AS "membershipId", u.email, u.name, r.data ->> 'role' AS role, r.data ->> 'organization' AS organization
     FROM records r JOIN users u ON u.id::text = r.data ->> 'userId'
     WHERE r.kind = 'membership' AND r.engagement_id = $1 AND NOT r.deleted
     ORDER BY u.name, u.email`,
    [engagementId],
  );
  return rows;
};

/**
 * The team of an engagement: list, change a member's role, remove a member, withdraw an
 * invitation. The caller has checked that the actor may do the action; the membership
 * writes happen in the write transaction, so the last-manager rule holds under races.
 */
export const createTeam = ({ db, now }: { db: Db; now: Clock }) => ({
  list: async (engagementId: string): Promise<TeamResponse> => {
    const invitations = await createInvitationsRepo(db).listPending(engagementId, now());
    return { members: await members(db, engagementId), invitations: invitations.map(invitationView) };
  },

  changeRole: async (actor: Actor, engagementId: string, userId: string, change: ChangeRole): Promise<{ ok: true; member: TeamMember } | Refusal> =>
    catchRefusal(() =>
      writeTransaction(db, async (tx) => {
        const live = await liveMemberships(tx, engagementId);
        const current = live.find((m) => m.userId === userId);
        if (!current) throw new RefusedInTransaction(notAMember(userId));
        if (leavesNoManager(live, userId, change.role)) throw new RefusedInTransaction(refusal(409, LAST_MANAGER));
        const at = now().toISOString();
        await writeMembership(tx, { ...current, role: change.role, organization: change.organization, updatedAt: at, updatedBy: actor.userId }, 'changeMemberRole', actor.userId, {
          userId,
          from: { role: current.role, organization: current.organization },
          to: change,
        });
        const member = (await members(tx, engagementId)).find((m) => m.userId === userId);
        if (!member) throw new Error(`changeRole: member ${userId} vanished inside the transaction`);
        return { ok: true as const, member };
      }),
    ),

  /** Tombstones the membership record, so the removal syncs to every device. */
  remove: async (actor: Actor, engagementId: string, userId: string): Promise<{ ok: true } | Refusal> =>
    catchRefusal(() =>
      writeTransaction(db, async (tx) => {
        const live = await liveMemberships(tx, engagementId);
        const current = live.filter((m) => m.userId === userId);
        if (current.length === 0) throw new RefusedInTransaction(notAMember(userId));
        if (leavesNoManager(live, userId, null)) throw new RefusedInTransaction(refusal(409, LAST_MANAGER));
        const at = now().toISOString();
        for (const m of current) {
          await writeMembership(tx, { ...m, deleted: true, updatedAt: at, updatedBy: actor.userId }, 'removeMember', actor.userId, { userId, role: m.role });
        }
        return { ok: true as const };
      }),
    ),

  revokeInvitation: async (engagementId: string, invitationId: string): Promise<{ ok: true } | Refusal> => {
    const revoked = await createInvitationsRepo(db).revoke(engagementId, invitationId, now());
    return revoked ? { ok: true } : refusal(404, `No pending invitation ${invitationId} in this engagement`);
  },
});

export type Team = ReturnType<typeof createTeam>;
