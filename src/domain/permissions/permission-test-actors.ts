import type { Actor } from './actor';
import { testRecord, uuidOf } from './permission-test-records';
import { RECORD_SCHEMAS, type RecordKind, type RecordOf } from '../records/record-kinds';

/** The cast of the permission matrices: one actor per kind of reader, all looking at ENGAGEMENT. */

export const ENGAGEMENT = uuidOf(0x1);
export const OTHER_ENGAGEMENT = uuidOf(0x2);
/** An engagement only the non-member belongs to, so they are a real user with a role somewhere. */
export const ELSEWHERE = uuidOf(0x3);
export const CLIENT_ORG = 'Northwind';

export const USERS = {
  manager: uuidOf(0x101),
  auditor: uuidOf(0x102),
  client: uuidOf(0x103),
  nonMember: uuidOf(0x104),
  adminNonMember: uuidOf(0x105),
} as const;

export type Viewer = keyof typeof USERS;
export const VIEWERS = Object.keys(USERS) as Viewer[];

export const ACTORS: Record<Viewer, Actor> = {
  manager: { userId: USERS.manager, firmRole: null, memberships: [{ engagementId: ENGAGEMENT, role: 'manager', organization: null }] },
  auditor: { userId: USERS.auditor, firmRole: null, memberships: [{ engagementId: ENGAGEMENT, role: 'auditor', organization: null }] },
  client: { userId: USERS.client, firmRole: null, memberships: [{ engagementId: ENGAGEMENT, role: 'client', organization: CLIENT_ORG }] },
  nonMember: { userId: USERS.nonMember, firmRole: null, memberships: [{ engagementId: ELSEWHERE, role: 'manager', organization: null }] },
  adminNonMember: { userId: USERS.adminNonMember, firmRole: 'admin', memberships: [] },
};

export const RECORD_KINDS = Object.keys(RECORD_SCHEMAS) as RecordKind[];

/** Stable ids per engagement: the n-th record of engagement 0x1 is 0x1_0nn, of 0x2 is 0x2_0nn. */
export const idIn = (engagementId: string, n: number): string => uuidOf(parseInt(engagementId.slice(-4), 16) * 0x1000 + n);

/**
 * One record of every kind in `engagementId`, shaped the way a client could see it where
 * the kind allows it at all: requests sent to CLIENT_ORG, a `client` comment on the
 * evidence request, an attachment on that request, the auditor's membership. The matrix
 * then shows what each kind alone grants; the finer client rules have their own tests.
 */
export const worldOf = (engagementId: string): { [K in RecordKind]: RecordOf<K> } => {
  const id = (n: number) => idIn(engagementId, n);
  const evidenceRequestId = id(11);
  return {
    engagement: testRecord('engagement', engagementId, engagementId),
    membership: testRecord('membership', engagementId, id(1), { userId: USERS.auditor }),
    control: testRecord('control', engagementId, id(2)),
    procedure: testRecord('procedure', engagementId, id(3)),
    population: testRecord('population', engagementId, id(4)),
    populationItem: testRecord('populationItem', engagementId, id(5)),
    sample: testRecord('sample', engagementId, id(6)),
    result: testRecord('result', engagementId, id(7)),
    exception: testRecord('exception', engagementId, id(8)),
    managementResponseRequest: testRecord('managementResponseRequest', engagementId, id(9), { addresseeOrganization: CLIENT_ORG, status: 'sent' }),
    evidenceRequest: testRecord('evidenceRequest', engagementId, evidenceRequestId, { addresseeOrganization: CLIENT_ORG, status: 'sent' }),
    comment: testRecord('comment', engagementId, id(12), { targetKind: 'evidenceRequest', targetId: evidenceRequestId, visibility: 'client' }),
    reviewNote: testRecord('reviewNote', engagementId, id(13)),
    signOff: testRecord('signOff', engagementId, id(14)),
    attachment: testRecord('attachment', engagementId, id(15), { ownerKind: 'evidenceRequest', ownerId: evidenceRequestId }),
    auditEvent: testRecord('auditEvent', engagementId, id(16)),
  };
};
