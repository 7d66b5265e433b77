import { describe, expect, it } from 'vitest';
import { canReadRecord, visibleRecords, type RecordLookup } from './read-rules';
import type { Actor } from './actor';
import { ACTORS, CLIENT_ORG, ENGAGEMENT, OTHER_ENGAGEMENT, USERS, worldOf } from './permission-test-actors';
import { testRecord, uuidOf } from './permission-test-records';
import { requestStatusSchema } from '../records/management-response-request';
import type { AnyRecord } from '../records/record-kinds';

/** The finer rules of what a client contact sees of the requests addressed to them. */

const client = ACTORS.client;
const ids = (records: readonly { id: string }[]) => records.map((r) => r.id);
const sees = (actor: Actor, record: AnyRecord, others: readonly AnyRecord[] = []) => ids(visibleRecords(actor, [...others, record])).includes(record.id);

const request = (kind: 'evidenceRequest' | 'managementResponseRequest', n: number, over: { status?: 'draft' | 'sent'; addresseeOrganization?: string } = {}) =>
  testRecord(kind, ENGAGEMENT, uuidOf(0x2000 + n), { status: 'sent', addresseeOrganization: CLIENT_ORG, ...over });

const sent = request('evidenceRequest', 1);
const draft = request('evidenceRequest', 2, { status: 'draft' });
const otherOrg = request('evidenceRequest', 3, { addresseeOrganization: 'Other Co' });
const sentMrr = request('managementResponseRequest', 4);

const comment = (n: number, target: AnyRecord & { kind: 'evidenceRequest' | 'managementResponseRequest' }, visibility: 'client' | 'internal') =>
  testRecord('comment', ENGAGEMENT, uuidOf(0x3000 + n), { targetKind: target.kind, targetId: target.id, visibility });

const attachmentOn = (n: number, ownerKind: 'evidenceRequest' | 'managementResponseRequest' | 'comment' | 'result' | 'exception', ownerId: string) =>
  testRecord('attachment', ENGAGEMENT, uuidOf(0x4000 + n), { ownerKind, ownerId });

describe('requests addressed to the client', () => {
  const rows = (['evidenceRequest', 'managementResponseRequest'] as const).flatMap((kind) =>
    requestStatusSchema.options.map((status, i) => ({ kind, status, expected: status !== 'draft', record: testRecord(kind, ENGAGEMENT, uuidOf(0x2100 + i), { status, addresseeOrganization: CLIENT_ORG }) })),
  );

  it.each(rows)('a $status $kind to their organisation is visible: $expected', ({ record, expected }) => {
    expect(sees(client, record)).toBe(expected);
  });

  it('hides a request addressed to another organisation, whatever its status', () => {
    expect(sees(client, otherOrg)).toBe(false);
    expect(sees(client, request('managementResponseRequest', 5, { addresseeOrganization: 'Other Co' }))).toBe(false);
  });

  it('matches the organisation exactly', () => {
    expect(sees(client, request('evidenceRequest', 6, { addresseeOrganization: 'northwind' }))).toBe(false);
    expect(sees(client, request('evidenceRequest', 7, { addresseeOrganization: 'Northwind Ltd' }))).toBe(false);
  });

  it('shows nothing to a client membership without an organisation', () => {
    const orgless: Actor = { ...client, memberships: [{ engagementId: ENGAGEMENT, role: 'client', organization: null }] };
    expect(visibleRecords(orgless, [sent, sentMrr]).map((r) => r.kind)).toEqual([]);
  });

  it('does not need the request to name the contact: the organisation is what counts', () => {
    expect(sees(client, { ...sent, addresseeUserId: uuidOf(0x777) })).toBe(true);
  });

  it('shows the audit team drafts and every organisation’s requests', () => {
    expect(ids(visibleRecords(ACTORS.auditor, [sent, draft, otherOrg]))).toEqual([sent.id, draft.id, otherOrg.id]);
  });
});

describe('comments', () => {
  it.each([
    { what: 'a client comment on a sent request to them', c: comment(1, sent, 'client'), expected: true },
    { what: 'a client comment on a sent management-response request', c: comment(2, sentMrr, 'client'), expected: true },
    { what: 'an internal comment on a visible request', c: comment(3, sent, 'internal'), expected: false },
    { what: 'a client comment on a draft', c: comment(4, draft, 'client'), expected: false },
    { what: 'a client comment on another organisation’s request', c: comment(5, otherOrg, 'client'), expected: false },
  ])('$what is visible: $expected', ({ c, expected }) => {
    expect(sees(client, c, [sent, draft, otherOrg, sentMrr])).toBe(expected);
  });

  it('hides a comment whose request is not in the set (fail closed), and resolves it through context', () => {
    const c = comment(6, sent, 'client');
    expect(visibleRecords(client, [c])).toEqual([]);
    expect(ids(visibleRecords(client, [c], [sent]))).toEqual([c.id]);
  });

  it('never returns the context records themselves', () => {
    expect(visibleRecords(client, [], [sent, sentMrr])).toEqual([]);
  });

  it('hides a comment pointing at a visible request of another engagement', () => {
    const both: Actor = { ...client, memberships: [...client.memberships, { engagementId: OTHER_ENGAGEMENT, role: 'client', organization: CLIENT_ORG }] };
    const otherRequest = worldOf(OTHER_ENGAGEMENT).evidenceRequest;
    const crossing = testRecord('comment', ENGAGEMENT, uuidOf(0x3100), { targetKind: 'evidenceRequest', targetId: otherRequest.id, visibility: 'client' });
    expect(sees(both, otherRequest)).toBe(true);
    expect(sees(both, crossing, [otherRequest])).toBe(false);
  });

  it('hides a comment whose target id resolves to a record of another kind', () => {
    const c = testRecord('comment', ENGAGEMENT, uuidOf(0x3200), { targetKind: 'managementResponseRequest', targetId: sent.id, visibility: 'client' });
    const lying: RecordLookup = () => sent;
    expect(canReadRecord(client, c, lying)).toBe(false);
    expect(sees(client, c, [sent])).toBe(false);
  });
});

describe('attachments', () => {
  const clientComment = comment(10, sent, 'client');
  const internalComment = comment(11, sent, 'internal');
  const world = worldOf(ENGAGEMENT);
  const context = [sent, draft, otherOrg, sentMrr, clientComment, internalComment, world.result, world.exception];

  it.each([
    { what: 'on a visible evidence request', a: attachmentOn(1, 'evidenceRequest', sent.id), expected: true },
    { what: 'on a visible management-response request', a: attachmentOn(2, 'managementResponseRequest', sentMrr.id), expected: true },
    { what: 'on a client comment of a visible request', a: attachmentOn(3, 'comment', clientComment.id), expected: true },
    { what: 'on an internal comment', a: attachmentOn(4, 'comment', internalComment.id), expected: false },
    { what: 'on a draft request', a: attachmentOn(5, 'evidenceRequest', draft.id), expected: false },
    { what: 'on another organisation’s request', a: attachmentOn(6, 'evidenceRequest', otherOrg.id), expected: false },
    { what: 'on a result', a: attachmentOn(7, 'result', world.result.id), expected: false },
    { what: 'on an exception', a: attachmentOn(8, 'exception', world.exception.id), expected: false },
    { what: 'on an owner not loaded', a: attachmentOn(9, 'evidenceRequest', uuidOf(0x5999)), expected: false },
  ])('$what is visible: $expected', ({ a, expected }) => {
    expect(sees(client, a, context)).toBe(expected);
    expect(canReadRecord(client, a, (kind, id) => context.find((r) => r.kind === kind && r.id === id))).toBe(expected);
  });

  it('are all visible to the audit team', () => {
    const all = [attachmentOn(20, 'result', world.result.id), attachmentOn(21, 'comment', internalComment.id), attachmentOn(22, 'evidenceRequest', draft.id)];
    expect(visibleRecords(ACTORS.manager, all)).toHaveLength(3);
    expect(visibleRecords(ACTORS.auditor, all)).toHaveLength(3);
  });
});

describe('a whole engagement seen by its client', () => {
  it('yields exactly the engagement, their membership, the sent requests to them, their client comments and attachments', () => {
    const world = worldOf(ENGAGEMENT);
    const mine = testRecord('membership', ENGAGEMENT, uuidOf(0x6001), { userId: USERS.client, role: 'client', organization: CLIENT_ORG });
    const clientComment = comment(30, sentMrr, 'client');
    const clientAttachment = attachmentOn(30, 'comment', clientComment.id);
    const everything: AnyRecord[] = [
      ...Object.values(world),
      mine,
      sent,
      draft,
      otherOrg,
      sentMrr,
      clientComment,
      comment(31, sent, 'internal'),
      comment(32, draft, 'client'),
      clientAttachment,
      attachmentOn(31, 'evidenceRequest', draft.id),
      ...Object.values(worldOf(OTHER_ENGAGEMENT)),
    ];
    expect(visibleRecords(client, everything).map((r) => `${r.kind}:${r.id}`)).toEqual(
      [world.engagement, world.managementResponseRequest, world.evidenceRequest, world.comment, world.attachment, mine, sent, sentMrr, clientComment, clientAttachment].map(
        (r) => `${r.kind}:${r.id}`,
      ),
    );
  });
});
