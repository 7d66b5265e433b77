import { describe, expect, it } from 'vitest';
import { canReadRecord, readableView, visibleRecords, type RecordLookup } from './read-rules';
import { tombstoneSchema } from './visible-record';
import { ACTORS, CLIENT_ORG, ENGAGEMENT, OTHER_ENGAGEMENT, RECORD_KINDS, USERS, VIEWERS, worldOf, type Viewer } from './permission-test-actors';
import { testRecord, uuidOf } from './permission-test-records';
import { anyRecordSchema, type AnyRecord, type RecordKind } from '../records/record-kinds';

const Y = true;
const N = false;

/**
 * Who reads each kind of record of THEIR engagement (see worldOf: requests are sent to the
 * client's organisation, the comment is a `client` one on such a request, the attachment
 * hangs on it, the membership is the auditor's). Of ANOTHER engagement nobody reads anything.
 */
// prettier-ignore
const OWN_ENGAGEMENT: Record<RecordKind, readonly [manager: boolean, auditor: boolean, client: boolean, nonMember: boolean, adminNonMember: boolean]> = {
  //                           manager auditor client nonMember adminNonMember
  engagement:                [ Y,      Y,      Y,     N,        N ],
  membership:                [ Y,      Y,      N,     N,        N ],
  control:                   [ Y,      Y,      N,     N,        N ],
  procedure:                 [ Y,      Y,      N,     N,        N ],
  population:                [ Y,      Y,      N,     N,        N ],
  populationItem:            [ Y,      Y,      N,     N,        N ],
  sample:                    [ Y,      Y,      N,     N,        N ],
  result:                    [ Y,      Y,      N,     N,        N ],
  exception:                 [ Y,      Y,      N,     N,        N ],
  managementResponseRequest: [ Y,      Y,      Y,     N,        N ],
  evidenceRequest:           [ Y,      Y,      Y,     N,        N ],
  comment:                   [ Y,      Y,      Y,     N,        N ],
  reviewNote:                [ Y,      Y,      N,     N,        N ],
  signOff:                   [ Y,      Y,      N,     N,        N ],
  attachment:                [ Y,      Y,      Y,     N,        N ],
  auditEvent:                [ Y,      Y,      N,     N,        N ],
};

const own = worldOf(ENGAGEMENT);
const other = worldOf(OTHER_ENGAGEMENT);
const everything = [...Object.values(own), ...Object.values(other)];
const lookupIn =
  (records: readonly AnyRecord[]): RecordLookup =>
  (kind, id) =>
    records.find((r) => r.kind === kind && r.id === id);

const rows = RECORD_KINDS.flatMap((kind) =>
  VIEWERS.flatMap((viewer) => [
    { kind, viewer, engagement: 'their own', record: own[kind], expected: OWN_ENGAGEMENT[kind][VIEWERS.indexOf(viewer)] },
    { kind, viewer, engagement: 'another', record: other[kind], expected: false },
  ]),
);

describe('read matrix: role × record kind × own/other engagement', () => {
  it('uses valid records and covers every kind and viewer', () => {
    for (const r of everything) expect(anyRecordSchema.safeParse(r).success, `${r.kind} fixture`).toBe(true);
    expect(Object.keys(OWN_ENGAGEMENT).sort()).toEqual([...RECORD_KINDS].sort());
    expect(rows).toHaveLength(RECORD_KINDS.length * VIEWERS.length * 2);
  });

  const visibleTo = new Map(VIEWERS.map((v) => [v, new Set(visibleRecords(ACTORS[v], everything).map((r) => `${r.kind}:${r.id}`))]));

  it.each(rows)('$viewer → $kind of $engagement engagement: $expected', ({ kind, viewer, record, expected }) => {
    expect(visibleTo.get(viewer)?.has(`${kind}:${record.id}`)).toBe(expected);
    expect(canReadRecord(ACTORS[viewer], record, lookupIn(everything))).toBe(expected);
  });
});

describe('what a reader is handed', () => {
  it('redacts the prior engagement of the engagement record for a client, and keeps it for the audit team', () => {
    const [forClient] = visibleRecords(ACTORS.client, [own.engagement]);
    const [forManager] = visibleRecords(ACTORS.manager, [own.engagement]);
    expect(forClient).toEqual({ ...own.engagement, priorEngagementId: null });
    expect(anyRecordSchema.safeParse(forClient).success).toBe(true);
    expect(forManager).toEqual(own.engagement);
    expect(own.engagement.kind === 'engagement' && own.engagement.priorEngagementId).toBe(uuidOf(0xfff));
  });

  it('shows a client their own membership but not anyone else’s', () => {
    const mine = testRecord('membership', ENGAGEMENT, uuidOf(0x901), { userId: USERS.client, role: 'client', organization: CLIENT_ORG });
    const theirs = testRecord('membership', ENGAGEMENT, uuidOf(0x902), { userId: USERS.manager, role: 'manager' });
    expect(visibleRecords(ACTORS.client, [mine, theirs]).map((r) => r.id)).toEqual([mine.id]);
  });

  it('returns new objects and leaves its input untouched', () => {
    const input = Object.values(own);
    const before = structuredClone(input);
    for (const viewer of VIEWERS) {
      const out = visibleRecords(ACTORS[viewer], input);
      for (const r of out) {
        expect(input).not.toContain(r);
        // A caller changing what it was given must not reach the input.
        if (r.kind === 'exception' && !r.deleted) r.sampleIds.push(uuidOf(0x999));
        if (r.kind === 'engagement' && !r.deleted) r.categoriesInScope.push('A');
      }
    }
    expect(input).toEqual(before);
  });

  it('drops records outside the actor’s memberships even when the caller loaded them', () => {
    expect(visibleRecords(ACTORS.manager, Object.values(other))).toEqual([]);
    expect(visibleRecords(ACTORS.adminNonMember, everything)).toEqual([]);
    expect(visibleRecords(ACTORS.nonMember, everything)).toEqual([]);
  });

  it('gives a manager who is also a member elsewhere the records of both, nothing more', () => {
    const actor = { ...ACTORS.manager, memberships: [...ACTORS.manager.memberships, { engagementId: OTHER_ENGAGEMENT, role: 'auditor' as const, organization: null }] };
    expect(visibleRecords(actor, everything)).toHaveLength(everything.length);
    const third = worldOf(uuidOf(0x4));
    expect(visibleRecords(actor, [...everything, ...Object.values(third)])).toHaveLength(everything.length);
  });
});

describe('tombstones', () => {
  const deleted = <R extends AnyRecord>(r: R): R => ({ ...r, deleted: true, version: r.version + 1 });

  it('are visible to whoever could read the record, as their base fields only', () => {
    for (const viewer of ['manager', 'auditor', 'client'] as const satisfies readonly Viewer[]) {
      const tomb = deleted(own.evidenceRequest);
      const [view] = visibleRecords(ACTORS[viewer], [tomb]);
      expect(view).toEqual({
        id: tomb.id,
        kind: 'evidenceRequest',
        engagementId: ENGAGEMENT,
        version: tomb.version,
        updatedAt: tomb.updatedAt,
        updatedBy: tomb.updatedBy,
        deleted: true,
      });
      expect(tombstoneSchema.strict().safeParse(view).success).toBe(true);
    }
  });

  it('of a result reach the audit team without its note or marks', () => {
    const view = readableView(ACTORS.auditor, deleted(own.result), lookupIn([]));
    expect(view?.deleted).toBe(true);
    expect(view).not.toHaveProperty('note');
    expect(view).not.toHaveProperty('marks');
  });

  it('are hidden when the live record would be: client never learns of a deleted draft, internal comment or result', () => {
    const draft = deleted({ ...own.evidenceRequest, status: 'draft' as const });
    const otherOrg = deleted({ ...own.managementResponseRequest, addresseeOrganization: 'Other Co' });
    const internal = deleted({ ...own.comment, visibility: 'internal' as const });
    const hidden = [draft, otherOrg, internal, deleted(own.result), deleted(own.reviewNote), deleted(other.evidenceRequest)];
    expect(visibleRecords(ACTORS.client, [...hidden, own.evidenceRequest])).toEqual([{ ...own.evidenceRequest }]);
  });

  it('of a request still lets its client comments and attachments through, so their deletions sync too', () => {
    const records = [deleted(own.evidenceRequest), deleted(own.comment), deleted(own.attachment)];
    const views = visibleRecords(ACTORS.client, records);
    expect(views.map((v) => [v.kind, v.deleted])).toEqual([
      ['evidenceRequest', true],
      ['comment', true],
      ['attachment', true],
    ]);
  });

  it('of the actor’s engagement never reach a non-member', () => {
    const tombs = Object.values(own).map((r) => deleted(r));
    expect(visibleRecords(ACTORS.nonMember, tombs)).toEqual([]);
    expect(visibleRecords(ACTORS.adminNonMember, tombs)).toEqual([]);
    expect(visibleRecords(ACTORS.manager, tombs)).toHaveLength(tombs.length);
  });
});
