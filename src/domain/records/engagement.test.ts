import { describe, expect, it } from 'vitest';
import { engagementSchema } from './engagement';
import { anyRecordSchema } from './record-kinds';

const id = '01890a5d-ac96-774b-bcce-b302099a8057';
const valid = {
  id,
  engagementId: id,
  kind: 'engagement',
  version: 0,
  updatedAt: '2026-12-04T10:00:00.000Z',
  updatedBy: 'u1',
  deleted: false,
  name: 'Acme SOC 2 Type 2',
  clientOrganization: 'Acme',
  engagementKind: 'type2',
  periodStart: '2026-01-01',
  periodEnd: '2026-12-31',
  categoriesInScope: ['CC', 'A'],
  status: 'planning',
  priorEngagementId: null,
} as const;

const messages = (input: unknown) => engagementSchema.safeParse(input).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

describe('engagement schema', () => {
  it('accepts a valid Type 2 engagement, also through the record union', () => {
    expect(engagementSchema.safeParse(valid).success).toBe(true);
    expect(anyRecordSchema.parse(valid).kind).toBe('engagement');
  });

  it('refuses a period that ends before it starts, naming the field', () => {
    expect(messages({ ...valid, periodEnd: '2025-12-31' })).toContain('periodEnd: The period must not end before it starts');
  });

  it('holds a Type 1 to one as-of date', () => {
    expect(messages({ ...valid, engagementKind: 'type1' })).toContain('periodEnd: A Type 1 engagement is as of one date: start and end must be the same day');
    expect(engagementSchema.safeParse({ ...valid, engagementKind: 'type1', periodEnd: '2026-01-01' }).success).toBe(true);
  });

  it('always keeps Security in scope and refuses unknown categories', () => {
    expect(messages({ ...valid, categoriesInScope: ['A'] })).toContain('categoriesInScope: Security (CC) is always in scope');
    expect(engagementSchema.safeParse({ ...valid, categoriesInScope: ['CC', 'XX'] }).success).toBe(false);
  });

  it('refuses a malformed date and a non-UUID id', () => {
    expect(engagementSchema.safeParse({ ...valid, periodStart: '2026-13-01' }).success).toBe(false);
    expect(engagementSchema.safeParse({ ...valid, id: 'e1', engagementId: 'e1' }).success).toBe(false);
  });
});
