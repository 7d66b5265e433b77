import { z } from 'zod';
import { roleSchema, type Role } from '../../domain/records/membership';
import type { Queryable } from './db';

export const invitationRowSchema = z.object({
  id: z.uuid(),
  engagementId: z.uuid(),
  email: z.string(),
  role: roleSchema,
  organization: z.string().nullable(),
  invitedBy: z.uuid(),
  createdAt: z.iso.datetime({ offset: true }),
  expiresAt: z.iso.datetime({ offset: true }),
  acceptedAt: z.iso.datetime({ offset: true }).nullable(),
  revokedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type InvitationRow = z.infer<typeof invitationRowSchema>;

export type NewInvitation = {
  readonly id: string;
  readonly engagementId: string;
  readonly email: string;
  readonly role: Role;
  readonly organization: string | null;
  readonly tokenHash: string;
  readonly invitedBy: string;
  readonly now: Date;
  readonly expiresAt: Date;
};

const COLUMNS =
  'id, engagement_id AS "engagementId", email, role, organization, invited_by AS "invitedBy", created_at AS "createdAt", expires_at AS "expiresAt", accepted_at AS "acceptedAt", revoked_at AS "revokedAt"';

const toRow = (row: unknown): InvitationRow => invitationRowSchema.parse(row);

export const createInvitationsRepo = (q: Queryable) => ({
  /** Inserts the invitation; an earlier pending one for the same e-mail and engagement is revoked first. */
  create: async (i: NewInvitation): Promise<InvitationRow> => {
    await q.query(
      'UPDATE invitations SET revoked_at = $3 WHERE engagement_id = $1 AND email = $2 AND accepted_at IS NULL AND revoked_at IS NULL',
      [i.engagementId, i.email, i.now.toISOString()],
    );
    const { rows } = await q.query(
      `INSERT INTO invitations (id, engagement_id, email, role, organization, token_hash, invited_by, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${COLUMNS}`,
      [i.id, i.engagementId, i.email, i.role, i.organization, i.tokenHash, i.invitedBy, i.now.toISOString(), i.expiresAt.toISOString()],
    );
    return toRow(rows[0]);
  },

  findByTokenHash: async (tokenHash: string): Promise<InvitationRow | undefined> => {
    const { rows } = await q.query(`SELECT ${COLUMNS} FROM invitations WHERE token_hash = $1`, [tokenHash]);
    return rows[0] ? toRow(rows[0]) : undefined;
  },

  /** Pending (neither accepted, revoked nor expired) invitations of an engagement, oldest first. */
  listPending: async (engagementId: string, now: Date): Promise<InvitationRow[]> => {
    const { rows } = await q.query(
      `SELECT ${COLUMNS} FROM invitations
       WHERE engagement_id = $1 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > $2 ORDER BY created_at, id`,
      [engagementId, now.toISOString()],
    );
    return rows.map(toRow);
  },

  /**
   * Marks a pending invitation used. False when it was not pending any more (someone
   * accepted or revoked it meanwhile, or it expired): the caller must not go on.
   */
  markAccepted: async (id: string, userId: string, now: Date): Promise<boolean> => {
    const r = await q.query(
      'UPDATE invitations SET accepted_at = $3, accepted_by = $2 WHERE id = $1 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > $3',
      [id, userId, now.toISOString()],
    );
    return r.rowCount > 0;
  },

  /** Revokes a pending invitation of the engagement; false when there is none with that id. */
  revoke: async (engagementId: string, id: string, now: Date): Promise<boolean> => {
    const r = await q.query(
      'UPDATE invitations SET revoked_at = $3 WHERE engagement_id = $1 AND id = $2 AND accepted_at IS NULL AND revoked_at IS NULL',
      [engagementId, id, now.toISOString()],
    );
    return r.rowCount > 0;
  },
});

export type InvitationsRepo = ReturnType<typeof createInvitationsRepo>;
