import type { RecordKind, RecordOf } from '../records/record-kinds';

/**
 * Valid records of every kind for the permission tests. Ids are fixed, readable UUIDs
 * (domain code may not import the uuid package) so a failing matrix row names them.
 */

const TIME = '2026-03-02T09:30:00.000Z';
const HASH = 'ab'.repeat(32);

/** A valid version-7 UUID whose last group is `n` in hex: uuidOf(1) = ...-000000000001. */
export const uuidOf = (n: number): string => `00000000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;

type Base = { id: string; engagementId: string; version: number; updatedAt: string; updatedBy: string; deleted: boolean };

const base = (engagementId: string, id: string): Base => ({ id, engagementId, version: 1, updatedAt: TIME, updatedBy: 'someone', deleted: false });

// One function per kind keeps each record's content in one place; `satisfies` makes a
// new record kind without a test record a type error.
const BUILDERS = {
  engagement: (e) => ({
    ...base(e, e),
    kind: 'engagement',
    name: 'Northwind SOC 2 Type 2',
    clientOrganization: 'Northwind',
    engagementKind: 'type2',
    periodStart: '2026-01-01',
    periodEnd: '2026-12-31',
    categoriesInScope: ['CC'],
    status: 'fieldwork',
    priorEngagementId: uuidOf(0xfff),
  }),
  membership: (e, id) => ({ ...base(e, id), kind: 'membership', userId: uuidOf(0xaaa), role: 'auditor', organization: null }),
  control: (e, id) => ({
    ...base(e, id),
    kind: 'control',
    ref: 'CM-01',
    description: 'Changes are approved before deployment.',
    area: 'change_management',
    criteriaIds: ['CC8.1'],
    frequency: 'event_driven',
    owner: 'VP Engineering',
    keyControl: true,
    order: 1,
  }),
  procedure: (e, id) => ({
    ...base(e, id),
    kind: 'procedure',
    controlId: uuidOf(0xc01),
    methods: ['inspection'],
    steps: 'Inspect the ticket.',
    attributes: [{ key: 'approved', label: 'Approved before deployment' }],
    assigneeId: null,
    populationId: null,
    sampleSize: 25,
    sampleSizeReason: null,
  }),
  population: (e, id) => ({
    ...base(e, id),
    kind: 'population',
    name: 'Changes 2026',
    source: 'Jira export',
    itemCount: 1,
    sha256: HASH,
    importedAt: TIME,
  }),
  populationItem: (e, id) => ({
    ...base(e, id),
    kind: 'populationItem',
    populationId: uuidOf(0xb01),
    key: 'CHG-1',
    label: 'Deploy 1',
    date: '2026-02-01',
    fields: {},
  }),
  sample: (e, id) => ({
    ...base(e, id),
    kind: 'sample',
    procedureId: uuidOf(0xd01),
    populationItemId: uuidOf(0xb02),
    selectionSeed: 'seed',
    selectionIndex: 0,
    method: 'random',
    populationSha256: HASH,
  }),
  result: (e, id) => ({
    ...base(e, id),
    kind: 'result',
    sampleId: uuidOf(0xe01),
    procedureId: uuidOf(0xd01),
    marks: { approved: 'fail' },
    outcome: 'exception',
    outcomeOverrideReason: null,
    note: 'No approval on the ticket.',
    testerId: 'auditor',
    testedAt: TIME,
  }),
  exception: (e, id) => ({
    ...base(e, id),
    kind: 'exception',
    procedureId: uuidOf(0xd01),
    sampleIds: [uuidOf(0xe01)],
    nature: 'not_performed',
    description: 'One change deployed without approval.',
    downstreamImpact: false,
    downstreamImpactDetail: '',
    status: 'open',
  }),
  managementResponseRequest: (e, id) => ({
    ...base(e, id),
    kind: 'managementResponseRequest',
    exceptionId: uuidOf(0xf01),
    addresseeOrganization: 'Northwind',
    addresseeUserId: null,
    dueDate: '2026-04-01',
    status: 'sent',
    rootCause: '',
    correctiveAction: '',
    dateImplemented: null,
    mitigatingControls: '',
    disputed: false,
    disputeReason: '',
  }),
  evidenceRequest: (e, id) => ({
    ...base(e, id),
    kind: 'evidenceRequest',
    title: 'Change tickets for the sample',
    detail: 'Please upload the approvals.',
    controlId: uuidOf(0xc01),
    procedureId: uuidOf(0xd01),
    sampleIds: [uuidOf(0xe01)],
    addresseeOrganization: 'Northwind',
    addresseeUserId: null,
    dueDate: '2026-04-01',
    status: 'sent',
    returnReason: '',
  }),
  comment: (e, id) => ({
    ...base(e, id),
    kind: 'comment',
    targetKind: 'evidenceRequest',
    targetId: uuidOf(0x501),
    body: 'Uploaded.',
    visibility: 'client',
    authorId: 'someone',
  }),
  reviewNote: (e, id) => ({
    ...base(e, id),
    kind: 'reviewNote',
    targetKind: 'procedure',
    targetId: uuidOf(0xd01),
    body: 'Check the second sample.',
    status: 'open',
    authorId: 'manager',
  }),
  signOff: (e, id) => ({
    ...base(e, id),
    kind: 'signOff',
    targetKind: 'procedure',
    targetId: uuidOf(0xd01),
    level: 'preparer',
    targetVersion: 1,
    signerId: 'auditor',
    signedAt: TIME,
  }),
  attachment: (e, id) => ({
    ...base(e, id),
    kind: 'attachment',
    sha256: HASH,
    name: 'approval.pdf',
    mimeType: 'application/pdf',
    size: 1024,
    ownerKind: 'evidenceRequest',
    ownerId: uuidOf(0x501),
    stored: true,
  }),
  auditEvent: (e, id) => ({
    ...base(e, id),
    kind: 'auditEvent',
    actorId: 'auditor',
    action: 'recordResult',
    targetKind: 'result',
    targetId: uuidOf(0x701),
    clientId: null,
    clientTime: null,
    serverTime: TIME,
    detail: {},
  }),
} satisfies { [K in RecordKind]: (engagementId: string, id: string) => RecordOf<K> };

/** A valid record of `kind` in `engagementId`; the engagement record's id is its engagement's. */
export const testRecord = <K extends RecordKind>(kind: K, engagementId: string, id: string, overrides: Partial<RecordOf<K>> = {}): RecordOf<K> => {
  const build = BUILDERS[kind] as (e: string, i: string) => RecordOf<K>;
  return { ...build(engagementId, id), ...overrides };
};
