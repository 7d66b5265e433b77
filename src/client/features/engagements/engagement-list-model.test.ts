import { describe, expect, it } from 'vitest';
import type { Engagement } from '../../../domain/records/engagement';
import type { OutboxEntry } from '../../../sync/protocol';
import { engagementListFrom, pendingTargets, periodText } from './engagement-list-model';

const engagement = (id: string, over: Partial<Engagement> = {}): Engagement => ({
  id,
  engagementId: id,
  kind: 'engagement',
  version: 3,
  updatedAt: '2025-01-01T00:00:00.000Z',
  updatedBy: 'u',
  deleted: false,
  name: `E ${id}`,
  clientOrganization: 'Acme',
  engagementKind: 'type2',
  periodStart: '2025-01-01',
  periodEnd: '2025-12-31',
  categoriesInScope: ['CC'],
  status: 'planning',
  priorEngagementId: null,
  ...over,
});

const ids = {
  a: '01900000-0000-7000-8000-00000000000a',
  b: '01900000-0000-7000-8000-00000000000b',
  c: '01900000-0000-7000-8000-00000000000c',
};

const createEntry = (id: string, mutationId: number): OutboxEntry => ({
  clientId: '01900000-0000-7000-8000-0000000000ff',
  id: mutationId,
  name: 'createEngagement',
  args: { ...engagement(id), id, membershipId: '01900000-0000-7000-8000-0000000000ee' },
  baseVersion: null,
  clientTime: '2025-01-01T00:00:00.000Z',
});

describe('engagementListFrom', () => {
  it('drops tombstones and lists the newest first', () => {
    const list = engagementListFrom([engagement(ids.a), engagement(ids.c), engagement(ids.b, { deleted: true })], []);
    expect(list.map((i) => i.engagement.id)).toEqual([ids.c, ids.a]);
  });

  it('marks a record never accepted by the server, or with a pending change, as unsynced', () => {
    const list = engagementListFrom([engagement(ids.a, { version: 0 }), engagement(ids.b), engagement(ids.c)], [createEntry(ids.c, 1)]);
    expect(Object.fromEntries(list.map((i) => [i.engagement.id, i.unsynced]))).toEqual({ [ids.a]: true, [ids.b]: false, [ids.c]: true });
  });
});

describe('pendingTargets', () => {
  it('skips entries whose arguments no longer parse', () => {
    expect(pendingTargets([{ ...createEntry(ids.a, 1), args: { nonsense: true } }, createEntry(ids.b, 2)])).toEqual(new Set([`engagement:${ids.b}`]));
  });
});

describe('periodText', () => {
  it('shows Type 1 as of one date and the others as a period', () => {
    expect(periodText({ engagementKind: 'type1', periodStart: '2025-06-30', periodEnd: '2025-06-30' })).toBe('As of 2025-06-30');
    expect(periodText({ engagementKind: 'readiness', periodStart: '2025-01-01', periodEnd: '2025-03-31' })).toBe('2025-01-01 – 2025-03-31');
  });
});
