import { anyRecordSchema, type AnyRecord, type RecordKind, type RecordOf } from '../../domain/records/record-kinds';
import type { Queryable } from './db';

export type PutRecordResult =
  | { readonly ok: true; readonly record: AnyRecord }
  | { readonly ok: false; readonly code: 'invalid'; readonly message: string };

type RecordRow = { data: AnyRecord; version: number; deleted: boolean };

const fromRow = (row: RecordRow): AnyRecord => ({ ...row.data, version: row.version, deleted: row.deleted });

const issuesText = (issues: readonly { path: readonly PropertyKey[]; message: string }[], kind: unknown): string =>
  issues.map((i) => `${[typeof kind === 'string' ? kind : 'record', ...i.path.map(String)].join('.')}: ${i.message}`).join('; ');

/**
 * Records over a Queryable: the database, or a transaction for all-or-nothing writes
 * (use writeTransaction for those). Every write is validated against the record's zod
 * schema first and takes the next version from the global counter; versions never come
 * from the client. The version column is authoritative; the JSON keeps the rest.
 */
export const createRecordsRepo = (q: Queryable) => ({
  /** The highest version handed out so far (a pull cookie is one of these). */
  currentVersion: async (): Promise<number> => {
    const { rows } = await q.query<{ value: number }>('SELECT value FROM version_counter WHERE id = 1');
    return rows[0]?.value ?? 0;
  },

  get: async <K extends RecordKind>(kind: K, id: string): Promise<RecordOf<K> | undefined> => {
    const { rows } = await q.query<RecordRow>('SELECT data, version, deleted FROM records WHERE kind = $1 AND id = $2', [kind, id]);
    const row = rows[0];
    return row ? (fromRow(row) as RecordOf<K>) : undefined;
  },

  /** One kind of one engagement, tombstones included, in version order. */
  list: async <K extends RecordKind>(kind: K, engagementId: string): Promise<RecordOf<K>[]> => {
    const { rows } = await q.query<RecordRow>('SELECT data, version, deleted FROM records WHERE kind = $1 AND engagement_id = $2 ORDER BY version', [kind, engagementId]);
    return rows.map((r) => fromRow(r) as RecordOf<K>);
  },

  /** Everything of one engagement changed after `sinceVersion`, in version order (tombstones included). */
  listByEngagement: async (engagementId: string, sinceVersion = 0): Promise<AnyRecord[]> => {
    const { rows } = await q.query<RecordRow>('SELECT data, version, deleted FROM records WHERE engagement_id = $1 AND version > $2 ORDER BY version', [engagementId, sinceVersion]);
    return rows.map(fromRow);
  },

  /**
   * Validates and writes one record (insert or replace) under a new version. An invalid
   * record is refused before anything is written, the counter included.
   */
  put: async (input: unknown): Promise<PutRecordResult> => {
    const parsed = anyRecordSchema.safeParse(input);
    if (!parsed.success) {
      const kind = typeof input === 'object' && input !== null && 'kind' in input ? input.kind : undefined;
      return { ok: false, code: 'invalid', message: issuesText(parsed.error.issues, kind) };
    }
    const r = parsed.data;
    // One statement: the counter bump and the write commit together even outside a transaction.
    const { rows } = await q.query<{ version: number }>(
      `WITH v AS (UPDATE version_counter SET value = value + 1 WHERE id = 1 RETURNING value)
       INSERT INTO records (kind, id, engagement_id, version, data, deleted, updated_at, updated_by)
       SELECT $1, $2, $3, v.value, $4::text::jsonb, $5, $6, $7 FROM v
       ON CONFLICT (kind, id) DO UPDATE SET engagement_id = EXCLUDED.engagement_id, version = EXCLUDED.version, data = EXCLUDED.data,
         deleted = EXCLUDED.deleted, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by
       RETURNING version`,
      [r.kind, r.id, r.engagementId, JSON.stringify(r), r.deleted, r.updatedAt, r.updatedBy],
    );
    const version = rows[0]?.version;
    if (version === undefined) throw new Error('version_counter has no row: the migrations did not run');
    const record = { ...r, version } as AnyRecord;
    return { ok: true, record };
  },
});

export type RecordsRepo = ReturnType<typeof createRecordsRepo>;
