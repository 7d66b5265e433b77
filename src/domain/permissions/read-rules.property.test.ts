import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLIENT_READABLE_KINDS, canReadRecord, visibleRecords } from './read-rules';
import { membershipIn, type Actor } from './actor';
import { RECORD_KINDS } from './permission-test-actors';
import { testRecord, uuidOf } from './permission-test-records';
import { tombstoneSchema } from './visible-record';
import { requestStatusSchema } from '../records/management-response-request';
import { roleSchema } from '../records/membership';
import { anyRecordSchema, type AnyRecord, type RecordKind } from '../records/record-kinds';

/**
 * For any actor and any records, read from small pools of engagements, ids and
 * organisations so that references between records often resolve (and often to the
 * wrong kind, engagement or organisation).
 */

const ENGAGEMENTS = [uuidOf(1), uuidOf(2), uuidOf(3)];
/** The last engagement is never in an actor's memberships. */
const MEMBER_ENGAGEMENTS = ENGAGEMENTS.slice(0, 2);
const IDS = Array.from({ length: 10 }, (_, n) => uuidOf(0x8000 + n));
/** The kinds whose visibility to a client depends on their content, drawn more often. */
const RELATED_KINDS = ['evidenceRequest', 'managementResponseRequest', 'comment', 'attachment'] as const;
const USERS = [uuidOf(0x101), uuidOf(0x102), uuidOf(0x103)];
const ORGS = ['Northwind', 'Other Co'];

const actorArb: fc.Arbitrary<Actor> = fc.record({
  userId: fc.constantFrom(...USERS),
  firmRole: fc.constantFrom('admin' as const, null),
  memberships: fc.uniqueArray(
    fc.record({ engagementId: fc.constantFrom(...MEMBER_ENGAGEMENTS), role: fc.constantFrom(...roleSchema.options), organization: fc.constantFrom(...ORGS, null) }),
    { selector: (m) => m.engagementId, maxLength: MEMBER_ENGAGEMENTS.length },
  ),
});

/** An actor who is a client contact of the first engagement, and anything (or nothing) in the second. */
const clientActorArb: fc.Arbitrary<Actor> = fc
  .tuple(actorArb, fc.constantFrom(...ORGS))
  .map(([actor, organization]) => ({
    ...actor,
    memberships: [{ engagementId: ENGAGEMENTS[0] ?? '', role: 'client' as const, organization }, ...actor.memberships.filter((m) => m.engagementId !== ENGAGEMENTS[0])],
  }));

const anyActorArb = fc.oneof(actorArb, clientActorArb);

const recordArb: fc.Arbitrary<AnyRecord> = fc
  .record({
    kind: fc.oneof({ arbitrary: fc.constantFrom(...RECORD_KINDS), weight: 1 }, { arbitrary: fc.constantFrom(...RELATED_KINDS), weight: 2 }),
    engagementId: fc.constantFrom(...ENGAGEMENTS),
    id: fc.constantFrom(...IDS),
    deleted: fc.boolean(),
    status: fc.constantFrom(...requestStatusSchema.options),
    org: fc.constantFrom(...ORGS),
    userId: fc.constantFrom(...USERS),
    visibility: fc.constantFrom('client' as const, 'internal' as const),
    targetKind: fc.constantFrom('evidenceRequest' as const, 'managementResponseRequest' as const),
    ownerKind: fc.constantFrom('evidenceRequest' as const, 'managementResponseRequest' as const, 'comment' as const, 'result' as const, 'exception' as const),
    refId: fc.constantFrom(...IDS),
  })
  .map((g): AnyRecord => {
    const base = { deleted: g.deleted };
    switch (g.kind as RecordKind) {
      case 'engagement':
        return testRecord('engagement', g.engagementId, g.engagementId, base);
      case 'membership':
        return testRecord('membership', g.engagementId, g.id, { ...base, userId: g.userId });
      case 'evidenceRequest':
      case 'managementResponseRequest':
        return testRecord(g.kind as 'evidenceRequest', g.engagementId, g.id, { ...base, status: g.status, addresseeOrganization: g.org });
      case 'comment':
        return testRecord('comment', g.engagementId, g.id, { ...base, visibility: g.visibility, targetKind: g.targetKind, targetId: g.refId });
      case 'attachment':
        return testRecord('attachment', g.engagementId, g.id, { ...base, ownerKind: g.ownerKind, ownerId: g.refId });
      default:
        return testRecord(g.kind, g.engagementId, g.id, base);
    }
  });

const isRequest = (r: AnyRecord) => r.kind === 'evidenceRequest' || r.kind === 'managementResponseRequest';

/**
 * Points a comment or attachment at another generated record (and into its engagement)
 * when `rewire` says so: drawn ids alone seldom meet, and a client would then almost
 * never be shown a comment or attachment.
 */
const rewired = (record: AnyRecord, owner: AnyRecord | undefined, rewire: boolean): AnyRecord => {
  if (!rewire || !owner) return record;
  if (record.kind === 'comment' && isRequest(owner)) {
    return { ...record, engagementId: owner.engagementId, targetKind: owner.kind as 'evidenceRequest', targetId: owner.id };
  }
  if (record.kind === 'attachment' && (isRequest(owner) || owner.kind === 'comment')) {
    return { ...record, engagementId: owner.engagementId, ownerKind: owner.kind as 'comment', ownerId: owner.id };
  }
  return record;
};

const recordsArb = fc
  .tuple(
    fc.uniqueArray(recordArb, { selector: (r) => `${r.kind}:${r.id}`, minLength: 1, maxLength: 40, size: 'large' }),
    fc.array(fc.record({ pick: fc.nat(), rewire: fc.nat(3).map((n) => n > 0) }), { minLength: 40, maxLength: 40 }),
  )
  .map(([records, wiring]) => records.map((r, i) => rewired(r, records[(wiring[i]?.pick ?? 0) % records.length], wiring[i]?.rewire ?? false)));

const clientReadable: ReadonlySet<string> = new Set(CLIENT_READABLE_KINDS);

describe('visibleRecords, for any actor and any records', () => {
  it('never returns a record of an engagement the actor is not a member of', () => {
    fc.assert(
      fc.property(anyActorArb, recordsArb, (actor, records) => {
        for (const r of visibleRecords(actor, records)) expect(membershipIn(actor, r.engagementId)).not.toBeNull();
      }),
    );
  });

  it('never returns a client a record of a kind they may not read, nor a draft, nor another organisation’s request, nor an internal comment', () => {
    fc.assert(
      fc.property(anyActorArb, recordsArb, (actor, records) => {
        for (const r of visibleRecords(actor, records)) {
          const m = membershipIn(actor, r.engagementId);
          if (m?.role !== 'client') continue;
          expect(clientReadable.has(r.kind), r.kind).toBe(true);
          const source = records.find((s) => s.kind === r.kind && s.id === r.id);
          if (source?.kind === 'evidenceRequest' || source?.kind === 'managementResponseRequest') {
            expect(source.status).not.toBe('draft');
            expect(source.addresseeOrganization).toBe(m.organization);
          }
          if (source?.kind === 'comment') expect(source.visibility).toBe('client');
          if (source?.kind === 'membership') expect(source.userId).toBe(actor.userId);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('shows a client a comment or attachment only together with the request (or comment) it hangs on', () => {
    fc.assert(
      fc.property(clientActorArb, recordsArb, (actor, records) => {
        const out = visibleRecords(actor, records);
        const shown = new Set(out.map((r) => `${r.kind}:${r.id}:${r.engagementId}`));
        for (const r of records) {
          if (!shown.has(`${r.kind}:${r.id}:${r.engagementId}`) || membershipIn(actor, r.engagementId)?.role !== 'client') continue;
          if (r.kind === 'comment') expect(shown.has(`${r.targetKind}:${r.targetId}:${r.engagementId}`)).toBe(true);
          if (r.kind === 'attachment') expect(shown.has(`${r.ownerKind}:${r.ownerId}:${r.engagementId}`)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('returns a manager or auditor every record of their engagements, and each record at most once', () => {
    fc.assert(
      fc.property(anyActorArb, recordsArb, (actor, records) => {
        const out = visibleRecords(actor, records);
        const expectedIds = records.filter((r) => ['manager', 'auditor'].includes(membershipIn(actor, r.engagementId)?.role ?? '')).map((r) => `${r.kind}:${r.id}`);
        const outIds = out.map((r) => `${r.kind}:${r.id}`);
        expect(new Set(outIds).size).toBe(outIds.length);
        for (const id of expectedIds) expect(outIds).toContain(id);
      }),
    );
  });

  it('hands out tombstones as base fields only and live records that still parse', () => {
    fc.assert(
      fc.property(anyActorArb, recordsArb, (actor, records) => {
        for (const r of visibleRecords(actor, records)) {
          if (r.deleted) expect(tombstoneSchema.strict().safeParse(r).success).toBe(true);
          else expect(anyRecordSchema.safeParse(r).success).toBe(true);
        }
      }),
    );
  });

  it('agrees with canReadRecord over the same records', () => {
    fc.assert(
      fc.property(anyActorArb, recordsArb, (actor, records) => {
        const visible = new Set(visibleRecords(actor, records).map((r) => `${r.kind}:${r.id}`));
        const lookup = (kind: RecordKind, id: string) => records.find((r) => r.kind === kind && r.id === id);
        for (const r of records) expect(canReadRecord(actor, r, lookup), `${r.kind} ${r.id}`).toBe(visible.has(`${r.kind}:${r.id}`));
      }),
    );
  });
});
