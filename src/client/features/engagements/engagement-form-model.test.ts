import { describe, expect, it } from 'vitest';
import { v7 } from 'uuid';
import { runMutation } from '../../../sync/run-mutation';
import { ensureClientMeta } from '../../../sync/client-meta';
import { createMemoryStorage } from '../../storage/memory-storage';
import { checkEngagementForm, EMPTY_ENGAGEMENT_FORM, fieldErrorsFromRefusal, type EngagementFormValues } from './engagement-form-model';

const filled: EngagementFormValues = {
  ...EMPTY_ENGAGEMENT_FORM,
  name: '  Acme SOC 2 FY25 ',
  clientOrganization: 'Acme Ltd',
  engagementKind: 'type2',
  periodStart: '2025-01-01',
  periodEnd: '2025-12-31',
  categoriesInScope: ['PI', 'A'],
};

describe('checkEngagementForm', () => {
  it('names every missing field', () => {
    const check = checkEngagementForm(EMPTY_ENGAGEMENT_FORM);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(Object.keys(check.errors).sort()).toEqual(['clientOrganization', 'name', 'periodEnd', 'periodStart']);
  });

  it('asks Type 1 for its as-of date only', () => {
    const check = checkEngagementForm({ ...filled, engagementKind: 'type1', periodStart: '', periodEnd: '' });
    expect(check).toEqual({ ok: false, errors: { asOfDate: 'Enter the date the Type 1 report is as of' } });
  });

  it('trims text, orders categories as the reference does and always includes Security', () => {
    const check = checkEngagementForm(filled);
    expect(check).toEqual({
      ok: true,
      input: {
        name: 'Acme SOC 2 FY25',
        clientOrganization: 'Acme Ltd',
        engagementKind: 'type2',
        periodStart: '2025-01-01',
        periodEnd: '2025-12-31',
        categoriesInScope: ['CC', 'A', 'PI'],
        priorEngagementId: null,
      },
    });
  });

  it('uses the as-of date as both ends of a Type 1 period', () => {
    const check = checkEngagementForm({ ...filled, engagementKind: 'type1', asOfDate: '2025-06-30', priorEngagementId: 'p' });
    expect(check.ok && check.input).toMatchObject({ periodStart: '2025-06-30', periodEnd: '2025-06-30', priorEngagementId: 'p' });
  });
});

describe('fieldErrorsFromRefusal', () => {
  it('puts each part of a refusal beside its field', () => {
    expect(fieldErrorsFromRefusal('periodEnd: ends too early; name: too long; oops', 'type2')).toEqual({
      fields: { periodEnd: 'ends too early', name: 'too long' },
      general: ['oops'],
    });
  });

  it('shows Type 1 date issues on the as-of field', () => {
    expect(fieldErrorsFromRefusal('periodEnd: same day please', 'type1').fields).toEqual({ asOfDate: 'same day please' });
  });

  it('maps the real mutator refusal for a Type 1 with two different dates, and nothing is stored', async () => {
    const storage = createMemoryStorage();
    await ensureClientMeta(storage, v7);
    const check = checkEngagementForm({ ...filled, engagementKind: 'type2', periodStart: '2025-01-01', periodEnd: '2025-03-31' });
    if (!check.ok) throw new Error('form should pass its own checks');
    const result = await runMutation(
      storage,
      'createEngagement',
      { ...check.input, engagementKind: 'type1', id: v7(), membershipId: v7() },
      { userId: 'local-user', now: () => '2025-04-01T00:00:00.000Z' },
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const display = fieldErrorsFromRefusal(result.message, 'type1');
    expect(display.fields.asOfDate).toMatch(/Type 1/);
    expect(display.general).toEqual([]);
    expect(await storage.read(async (tx) => [await tx.outboxCount(), (await tx.list('engagement')).length])).toEqual([0, 0]);
  });
});
