import { v7 } from 'uuid';
import type { AnyRecord } from '../../src/domain/records/record-kinds';
import type { Sample } from '../../src/domain/records/sample';
import { FIXED_TIME, procedureRecord, resultRecord, sampleRecord } from '../../src/client/storage/storage-test-records';

export type SeedShape = { readonly controls: number; readonly samplesPerControl: number; readonly testedShare: number };

export type SeededEngagement = {
  readonly engagementId: string;
  readonly records: AnyRecord[];
  /** Samples with no result yet, and samples already tested (with their result id). */
  readonly untested: Sample[];
  readonly tested: { sample: Sample; resultId: string }[];
};

const HASH = 'cd'.repeat(32);

/**
 * One engagement as the fieldwork screens see it: controls, each with a procedure, a
 * population, its items, the drawn samples, and results for the share already tested.
 */
export const seedEngagement = (shape: SeedShape): SeededEngagement => {
  const engagementId = v7();
  const base = () => ({ id: v7(), engagementId, version: 1, updatedAt: FIXED_TIME, updatedBy: 'manager-1', deleted: false });
  const records: AnyRecord[] = [
    {
      ...base(),
      id: engagementId,
      kind: 'engagement',
      name: 'Benchmark Co SOC 2 Type 2',
      clientOrganization: 'Benchmark Co',
      engagementKind: 'type2',
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      categoriesInScope: ['CC', 'A', 'C'],
      status: 'fieldwork',
      priorEngagementId: null,
    },
  ];
  const untested: Sample[] = [];
  const tested: { sample: Sample; resultId: string }[] = [];
  const testedPerControl = Math.round(shape.samplesPerControl * shape.testedShare);

  for (let c = 0; c < shape.controls; c++) {
    const controlId = v7();
    const populationId = v7();
    records.push({
      ...base(),
      id: controlId,
      kind: 'control',
      ref: `C-${String(c + 1).padStart(3, '0')}`,
      description: `Control ${c + 1}: access to production systems is approved by the system owner before it is granted.`,
      area: null,
      criteriaIds: ['CC6.1', 'CC6.2'],
      frequency: 'multiple_times_per_day',
      owner: 'IT Operations',
      keyControl: c % 3 === 0,
      order: c,
    });
    records.push({
      ...base(),
      id: populationId,
      kind: 'population',
      name: `Access requests for control ${c + 1}`,
      source: 'ServiceNow export',
      itemCount: shape.samplesPerControl,
      sha256: HASH,
      importedAt: FIXED_TIME,
    });
    const procedure = procedureRecord(engagementId, { controlId, populationId, sampleSize: shape.samplesPerControl, version: 1 });
    records.push(procedure);
    for (let s = 0; s < shape.samplesPerControl; s++) {
      const itemId = v7();
      records.push({
        ...base(),
        id: itemId,
        kind: 'populationItem',
        populationId,
        key: `REQ-${c}-${s}`,
        label: `Access request ${s + 1} for control ${c + 1}`,
        date: '2026-04-15',
        fields: { requester: `user${s}@benchmark.example`, system: 'prod-db', approver: 'owner@benchmark.example' },
      });
      const sample = sampleRecord(engagementId, procedure.id, s, { populationItemId: itemId, populationSha256: HASH, version: 1 });
      records.push(sample);
      if (s < testedPerControl) {
        const result = resultRecord(sample, { version: 1, note: 'Approved in ticket before provisioning.' });
        records.push(result);
        tested.push({ sample, resultId: result.id });
      } else {
        untested.push(sample);
      }
    }
  }
  return { engagementId, records, untested, tested };
};
