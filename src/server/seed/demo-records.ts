import type { AnyRecord, RecordOf } from '../../domain/records/record-kinds';
import type { EngagementKind } from '../../domain/records/engagement';
import { EXCEPTION_AREAS } from '../../domain/reference/exception-areas';
import { populationSha256 } from '../../domain/sampling/canonical-population';
import { selectSample } from '../../domain/sampling/select-sample';
import { suggestSampleSize } from '../../domain/sampling/sample-size';
import { TYPE1_CONTROLS, TYPE2_CONTROLS, type DemoControlSpec } from './demo-controls';

export type DemoUserIds = { readonly manager: string; readonly auditor: string; readonly client: string; readonly otherClient: string };

export type DemoRecordsInput = { readonly users: DemoUserIds; readonly now: string; readonly newId: () => string };

export type DemoRecords = { readonly records: AnyRecord[]; readonly type2EngagementId: string; readonly type1EngagementId: string };

export const DEMO_TYPE2 = { name: 'Demo Type 2', clientOrganization: 'Northwind Cloud Ltd', periodStart: '2026-01-01', periodEnd: '2026-12-31' } as const;
export const DEMO_TYPE1 = { name: 'Other Co SOC 2 Type 1', clientOrganization: 'Other Co', asOf: '2026-06-30' } as const;

/** The selection seed of a demo control's sample: fixed, so the demo draw is the same on every machine. */
export const demoSelectionSeed = (controlRef: string): string => `demo-${controlRef}`;

type Base = { id: string; engagementId: string; version: number; updatedAt: string; updatedBy: string; deleted: boolean };

const criteriaOf = (areaKey: string): string[] => {
  const area = EXCEPTION_AREAS.find((a) => a.key === areaKey);
  if (!area) throw new Error(`demo data: no exception area '${areaKey}'`);
  return area.primaryCriteria;
};

/**
 * The demo firm's records, built in memory from the control catalogue. Sample sizes come
 * from suggestSampleSize and samples from selectSample, exactly as an auditor's would.
 * A failure here is a defect in the shipped demo data, so it throws.
 */
export const buildDemoRecords = ({ users, now, newId }: DemoRecordsInput): DemoRecords => {
  const records: AnyRecord[] = [];
  const base = (engagementId: string, id: string = newId()): Base => ({ id, engagementId, version: 0, updatedAt: now, updatedBy: users.manager, deleted: false });

  const engagement = (e: { name: string; clientOrganization: string; kind: EngagementKind; periodStart: string; periodEnd: string; categories: RecordOf<'engagement'>['categoriesInScope']; status: RecordOf<'engagement'>['status'] }): string => {
    const id = newId();
    records.push({
      ...base(id, id),
      kind: 'engagement',
      name: e.name,
      clientOrganization: e.clientOrganization,
      engagementKind: e.kind,
      periodStart: e.periodStart,
      periodEnd: e.periodEnd,
      categoriesInScope: e.categories,
      status: e.status,
      priorEngagementId: null,
    });
    return id;
  };

  const member = (engagementId: string, userId: string, role: RecordOf<'membership'>['role'], organization: string | null) =>
    records.push({ ...base(engagementId), kind: 'membership', userId, role, organization });

  const addControl = (engagementId: string, kind: EngagementKind, period: { periodStart: string; periodEnd: string }, spec: DemoControlSpec, order: number) => {
    const controlId = newId();
    records.push({
      ...base(engagementId, controlId),
      kind: 'control',
      ref: spec.ref,
      description: spec.description,
      area: spec.area,
      criteriaIds: criteriaOf(spec.area),
      frequency: spec.frequency,
      owner: spec.owner,
      keyControl: spec.keyControl,
      order,
    });
    const procedureId = newId();
    const items = spec.population?.items(period) ?? [];
    const sized = suggestSampleSize({ frequency: spec.frequency, engagementKind: kind, ...period, populationCount: spec.population ? items.length : null });
    if (!sized.ok) throw new Error(`demo data: sample size for ${spec.ref}: ${sized.message}`);

    let populationId: string | null = null;
    if (spec.population) {
      populationId = newId();
      const sha256 = populationSha256(items);
      records.push({ ...base(engagementId, populationId), kind: 'population', name: spec.population.name, source: spec.population.source, itemCount: items.length, sha256, importedAt: now });
      const itemIds = new Map<string, string>();
      for (const item of items) {
        const id = newId();
        itemIds.set(item.key, id);
        records.push({ ...base(engagementId, id), kind: 'populationItem', populationId, ...item });
      }
      const seed = demoSelectionSeed(spec.ref);
      const selection = selectSample({ items, seed, size: sized.size, ...period });
      if (!selection.ok) throw new Error(`demo data: sample for ${spec.ref}: ${selection.message}`);
      for (const s of selection.selected) {
        const populationItemId = itemIds.get(s.key);
        if (!populationItemId) throw new Error(`demo data: selected key ${s.key} is not an item of ${spec.ref}`);
        records.push({ ...base(engagementId), kind: 'sample', procedureId, populationItemId, selectionSeed: seed, selectionIndex: s.index, method: selection.method, populationSha256: selection.populationSha256 });
      }
    }
    records.push({
      ...base(engagementId, procedureId),
      kind: 'procedure',
      controlId,
      methods: [...spec.procedure.methods],
      steps: spec.procedure.steps,
      attributes: spec.procedure.attributes.map((a) => ({ ...a })),
      assigneeId: kind === 'type2' ? users.auditor : null,
      populationId,
      sampleSize: sized.size,
      sampleSizeReason: null,
    });
  };

  const type2Period = { periodStart: DEMO_TYPE2.periodStart, periodEnd: DEMO_TYPE2.periodEnd };
  const type2EngagementId = engagement({ ...DEMO_TYPE2, kind: 'type2', categories: ['CC', 'A', 'C'], status: 'fieldwork' });
  member(type2EngagementId, users.manager, 'manager', null);
  member(type2EngagementId, users.auditor, 'auditor', null);
  member(type2EngagementId, users.client, 'client', DEMO_TYPE2.clientOrganization);
  TYPE2_CONTROLS.forEach((spec, i) => addControl(type2EngagementId, 'type2', type2Period, spec, i + 1));

  const type1Period = { periodStart: DEMO_TYPE1.asOf, periodEnd: DEMO_TYPE1.asOf };
  const type1EngagementId = engagement({ name: DEMO_TYPE1.name, clientOrganization: DEMO_TYPE1.clientOrganization, kind: 'type1', ...type1Period, categories: ['CC'], status: 'planning' });
  member(type1EngagementId, users.manager, 'manager', null);
  member(type1EngagementId, users.otherClient, 'client', DEMO_TYPE1.clientOrganization);
  TYPE1_CONTROLS.forEach((spec, i) => addControl(type1EngagementId, 'type1', type1Period, spec, i + 1));

  return { records, type2EngagementId, type1EngagementId };
};
