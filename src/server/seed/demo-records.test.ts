import { describe, expect, it } from 'vitest';
import { v7 } from 'uuid';
import { anyRecordSchema, type AnyRecord, type RecordOf } from '../../domain/records/record-kinds';
import { EXCEPTION_AREAS } from '../../domain/reference/exception-areas';
import { buildDemoRecords } from './demo-records';

const users = { manager: v7(), auditor: v7(), client: v7(), otherClient: v7() };
const build = () => buildDemoRecords({ users, now: '2026-02-01T09:00:00.000Z', newId: () => v7() });

const ofKind = <K extends AnyRecord['kind']>(records: readonly AnyRecord[], kind: K) => records.filter((r): r is RecordOf<K> => r.kind === kind);

/** The selected population-item keys per control ref: what an auditor would compare between two runs. */
const selectedKeysByControl = (records: readonly AnyRecord[]) => {
  const items = new Map(ofKind(records, 'populationItem').map((i) => [i.id, i.key]));
  const controls = new Map(ofKind(records, 'control').map((c) => [c.id, c.ref]));
  const procedureControl = new Map(ofKind(records, 'procedure').map((p) => [p.id, controls.get(p.controlId)]));
  const out: Record<string, string[]> = {};
  for (const s of ofKind(records, 'sample').sort((a, b) => a.selectionIndex - b.selectionIndex)) {
    const ref = procedureControl.get(s.procedureId) ?? '?';
    (out[ref] ??= []).push(items.get(s.populationItemId) ?? '?');
  }
  return out;
};

describe('buildDemoRecords', () => {
  it('builds only records that pass their schemas', () => {
    const { records } = build();
    for (const r of records) expect(anyRecordSchema.safeParse(r).success, `${r.kind} ${r.id}`).toBe(true);
  });

  it('covers each of the seven exception areas with its primary criteria', () => {
    const { records, type2EngagementId } = build();
    const controls = ofKind(records, 'control').filter((c) => c.engagementId === type2EngagementId);
    expect(new Set(controls.map((c) => c.area))).toEqual(new Set(EXCEPTION_AREAS.map((a) => a.key)));
    for (const area of EXCEPTION_AREAS) {
      expect(controls.find((c) => c.area === area.key)?.criteriaIds).toEqual(area.primaryCriteria);
    }
  });

  it('draws the same samples every time: selection depends on the seeds, not on ids or clocks', () => {
    const first = selectedKeysByControl(build().records);
    const second = selectedKeysByControl(build().records);
    expect(second).toEqual(first);
    expect(first['AC-03']).toHaveLength(2);
    expect(first['CM-01']).toHaveLength(5);
    expect(first['VM-01']).toHaveLength(25);
    expect(first['VR-01']).toEqual(['VRA-2026']);
  });

  it('gives every Type 2 procedure a population whose item count and hash match its items', () => {
    const { records, type2EngagementId } = build();
    const procedures = ofKind(records, 'procedure').filter((p) => p.engagementId === type2EngagementId);
    expect(procedures).toHaveLength(7);
    for (const p of procedures) {
      const population = ofKind(records, 'population').find((x) => x.id === p.populationId);
      expect(population).toBeDefined();
      const items = ofKind(records, 'populationItem').filter((i) => i.populationId === p.populationId);
      expect(items).toHaveLength(population?.itemCount ?? -1);
      const samples = ofKind(records, 'sample').filter((s) => s.procedureId === p.id);
      expect(samples).toHaveLength(p.sampleSize ?? -1);
      for (const s of samples) expect(s.populationSha256).toBe(population?.sha256);
      expect(p.attributes.length).toBeGreaterThanOrEqual(2);
      expect(p.attributes.length).toBeLessThanOrEqual(3);
    }
  });
});
