import { CLIENT_READABLE_KINDS } from '../../domain/permissions/read-rules';
import type { AnyRecord, RecordKind } from '../../domain/records/record-kinds';
import type { Queryable } from '../store/db';

type RecordRow = { data: AnyRecord; version: number; deleted: boolean };

// The version and deleted columns are authoritative; the JSON keeps the rest (as in records-repo).
const fromRow = (row: RecordRow): AnyRecord => ({ ...row.data, version: row.version, deleted: row.deleted });

export type PageQuery = {
  /** Continuing engagements are sent from here on. */
  readonly since: number;
  /** Engagement ids sent from `since`, read as audit team (`firm`) or as a client contact (`client`). */
  readonly continuing: { readonly firm: readonly string[]; readonly client: readonly string[] };
  /** Engagement ids sent in full (live records only: the client has none of them to delete). */
  readonly fresh: { readonly firm: readonly string[]; readonly client: readonly string[] };
  /** The reader: of memberships, a client contact is sent only their own. */
  readonly userId: string;
  readonly limit: number;
};

// A client contact's rows are narrowed by kind in SQL already, so their pull does not page
// through thousands of samples only to drop them; the read rules still decide each row.
const CLIENT_ROWS = `kind = ANY($6::text[]) AND (kind <> 'membership' OR data ->> 'userId' = $7)`;

const PAGE_SQL = `SELECT data, version, deleted FROM records
  WHERE (engagement_id = ANY($1::uuid[]) AND version > $5)
     OR (engagement_id = ANY($2::uuid[]) AND version > $5 AND ${CLIENT_ROWS})
     OR (engagement_id = ANY($3::uuid[]) AND NOT deleted)
     OR (engagement_id = ANY($4::uuid[]) AND NOT deleted AND ${CLIENT_ROWS})
  ORDER BY version
  LIMIT $8`;

/** The reads of a pull, all inside its one snapshot. */
export const createPullRecordsRepo = (q: Queryable) => ({
  /** Up to `limit` records of the scope, in version order: one page of the patch. */
  page: async (p: PageQuery): Promise<AnyRecord[]> => {
    const { rows } = await q.query<RecordRow>(PAGE_SQL, [
      [...p.continuing.firm],
      [...p.continuing.client],
      [...p.fresh.firm],
      [...p.fresh.client],
      p.since,
      [...CLIENT_READABLE_KINDS],
      p.userId,
      p.limit,
    ]);
    return rows.map(fromRow);
  },

  /** Records of the given kinds by id (context for the read rules), whatever their version. */
  byIds: async (kinds: readonly RecordKind[], ids: readonly string[]): Promise<AnyRecord[]> => {
    if (ids.length === 0) return [];
    const { rows } = await q.query<RecordRow>('SELECT data, version, deleted FROM records WHERE kind = ANY($1::text[]) AND id = ANY($2::uuid[])', [[...kinds], [...new Set(ids)]]);
    return rows.map(fromRow);
  },

  /**
   * What hangs on the given requests and comments: the requests' comments, and the
   * attachments of those requests and comments (and of the given comments).
   */
  childrenOf: async (engagementIds: readonly string[], requestIds: readonly string[], commentIds: readonly string[]): Promise<AnyRecord[]> => {
    if (requestIds.length === 0 && commentIds.length === 0) return [];
    const engagements = [...new Set(engagementIds)];
    const { rows: comments } =
      requestIds.length === 0
        ? { rows: [] }
        : await q.query<RecordRow>(
            `SELECT data, version, deleted FROM records WHERE kind = 'comment' AND engagement_id = ANY($1::uuid[]) AND data ->> 'targetId' = ANY($2::text[])`,
            [engagements, [...requestIds]],
          );
    const owners = [...new Set([...requestIds, ...commentIds, ...comments.map((c) => c.data.id)])];
    const { rows: attachments } = await q.query<RecordRow>(
      `SELECT data, version, deleted FROM records WHERE kind = 'attachment' AND engagement_id = ANY($1::uuid[]) AND data ->> 'ownerId' = ANY($2::text[])`,
      [engagements, owners],
    );
    return [...comments, ...attachments].map(fromRow);
  },
});
