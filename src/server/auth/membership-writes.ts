import { v7 } from 'uuid';
import type { Membership, Role } from '../../domain/records/membership';
import type { Queryable } from '../store/db';
import { createRecordsRepo } from '../store/records-repo';

export type MembershipChange = 'acceptInvitation' | 'changeMemberRole' | 'removeMember';

/** Live membership records of one engagement (version order). */
export const liveMemberships = async (q: Queryable, engagementId: string): Promise<Membership[]> =>
  (await createRecordsRepo(q).list('membership', engagementId)).filter((m) => !m.deleted);

/**
 * Writes a membership record through the records repository (so it gets a version and
 * syncs like any other record) with its audit event. Call inside writeTransaction.
 */
export const writeMembership = async (q: Queryable, membership: Membership, change: MembershipChange, actorId: string, detail: Record<string, unknown>): Promise<Membership> => {
  const put = await createRecordsRepo(q).put(membership);
  // The membership was built here from validated parts: a refusal is a defect, not bad input.
  if (!put.ok) throw new Error(`membership ${membership.id}: ${put.message}`);
  await q.query(
    `INSERT INTO audit_events (id, engagement_id, actor_id, action, target_kind, target_id, version, detail)
     VALUES ($1, $2, $3, $4, 'membership', $5, $6, $7::text::jsonb)`,
    [v7(), membership.engagementId, actorId, change, membership.id, put.record.version, JSON.stringify(detail)],
  );
  return put.record as Membership;
};

export const newMembership = (p: { engagementId: string; userId: string; role: Role; organization: string | null; by: string; at: Date }): Membership => ({
  id: v7(),
  engagementId: p.engagementId,
  version: 0,
  updatedAt: p.at.toISOString(),
  updatedBy: p.by,
  deleted: false,
  kind: 'membership',
  userId: p.userId,
  role: p.role,
  organization: p.organization,
});
