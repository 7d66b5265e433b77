import { v7 } from 'uuid';
import type { Queryable } from '../store/db';
import { toStorableText } from './unstorable-text';

export type RejectionRow = {
  readonly clientId: string;
  readonly mutationId: number;
  readonly userId: string;
  readonly name: string;
  readonly args: unknown;
  readonly code: string;
  readonly message: string;
  readonly clientTime: string;
  readonly rejectedAt: string;
};

export type AuditEventRow = {
  readonly engagementId: string;
  readonly actorId: string;
  readonly action: string;
  readonly targetKind: string;
  readonly targetId: string;
  readonly clientId: string;
  readonly clientTime: string;
  readonly serverTime: string;
  readonly version: number;
  readonly detail: Readonly<Record<string, unknown>>;
};

/** What a push leaves behind besides records: the audit trail and the refusals. */
export const createSyncLogRepo = (q: Queryable) => ({
  recordRejection: async (r: RejectionRow): Promise<void> => {
    await q.query(
      `INSERT INTO mutation_rejections (client_id, mutation_id, user_id, name, args_json, code, message, client_time, rejected_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      // JSON.stringify escapes NUL and lone surrogates, so any arguments fit a text column.
      [r.clientId, r.mutationId, r.userId, r.name, JSON.stringify(r.args) ?? 'null', r.code, toStorableText(r.message), r.clientTime, r.rejectedAt],
    );
  },

  recordAuditEvent: async (e: AuditEventRow): Promise<void> => {
    await q.query(
      `INSERT INTO audit_events (id, engagement_id, actor_id, action, target_kind, target_id, client_id, client_time, server_time, version, detail)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::text::jsonb)`,
      [v7(), e.engagementId, e.actorId, e.action, e.targetKind, e.targetId, e.clientId, e.clientTime, e.serverTime, e.version, JSON.stringify(e.detail)],
    );
  },
});
