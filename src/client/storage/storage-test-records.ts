import { v7 } from 'uuid';
import type { Procedure } from '../../domain/records/procedure';
import type { Result } from '../../domain/records/result';
import type { Sample } from '../../domain/records/sample';
import type { MutatorContext } from '../../sync/mutators/mutator';
import type { OutboxEntry } from '../../sync/protocol';
import type { CreateEngagementArgs } from '../../sync/mutators/create-engagement';
import type { RecordResultArgs } from '../../sync/mutators/record-result';

/** Valid records for storage tests and the save benchmark; ids are fresh UUID v7s. */

export const FIXED_TIME = '2026-03-02T09:30:00.000Z';
const HASH = 'ab'.repeat(32);

export const testContext = (userId = 'auditor-1'): MutatorContext => ({ userId, now: () => FIXED_TIME });

const base = (engagementId: string) => ({
  id: v7(),
  engagementId,
  version: 0,
  updatedAt: FIXED_TIME,
  updatedBy: 'manager-1',
  deleted: false,
});

export const engagementArgs = (over: Partial<CreateEngagementArgs> = {}): CreateEngagementArgs => ({
  id: v7(),
  name: 'Acme Cloud SOC 2 Type 2 2026',
  clientOrganization: 'Acme Cloud Ltd',
  engagementKind: 'type2',
  periodStart: '2026-01-01',
  periodEnd: '2026-06-30',
  categoriesInScope: ['CC', 'A'],
  priorEngagementId: null,
  membershipId: v7(),
  ...over,
});

export const procedureRecord = (engagementId: string, over: Partial<Procedure> = {}): Procedure => ({
  ...base(engagementId),
  kind: 'procedure',
  controlId: v7(),
  methods: ['inspection'],
  steps: 'Inspect the access request ticket for approval before access was granted.',
  attributes: [
    { key: 'approved', label: 'Access was approved by the system owner' },
    { key: 'timely', label: 'Approval preceded provisioning' },
  ],
  assigneeId: null,
  populationId: null,
  sampleSize: 25,
  sampleSizeReason: null,
  ...over,
});

export const sampleRecord = (engagementId: string, procedureId: string, selectionIndex = 0, over: Partial<Sample> = {}): Sample => ({
  ...base(engagementId),
  kind: 'sample',
  procedureId,
  populationItemId: v7(),
  selectionSeed: 'seed-1',
  selectionIndex,
  method: 'random',
  populationSha256: HASH,
  ...over,
});

export const resultRecord = (sample: Sample, over: Partial<Result> = {}): Result => ({
  ...base(sample.engagementId),
  kind: 'result',
  sampleId: sample.id,
  procedureId: sample.procedureId,
  marks: { approved: 'pass', timely: 'pass' },
  outcome: 'pass',
  outcomeOverrideReason: null,
  note: '',
  testerId: 'auditor-1',
  testedAt: FIXED_TIME,
  ...over,
});

export const recordResultArgs = (sample: Sample, over: Partial<RecordResultArgs> = {}): RecordResultArgs => ({
  id: v7(),
  engagementId: sample.engagementId,
  sampleId: sample.id,
  marks: { approved: 'pass', timely: 'pass' },
  note: 'Ticket ACC-1042 approved by the system owner before provisioning.',
  outcomeOverride: null,
  ...over,
});

export const outboxEntry = (id: number, clientId: string, over: Partial<OutboxEntry> = {}): OutboxEntry => ({
  clientId,
  id,
  name: 'recordResult',
  args: { nested: { value: id } },
  baseVersion: null,
  clientTime: FIXED_TIME,
  ...over,
});
