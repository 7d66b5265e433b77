import { describe, expect, it } from 'vitest';
import { criterionIdSchema } from './criteria';
import { EXCEPTION_AREAS, exceptionAreaKeySchema } from './exception-areas';

describe('common exception areas seed', () => {
  it('has the seven areas, each mapped to valid criteria', () => {
    expect(EXCEPTION_AREAS.map((a) => a.key)).toEqual([
      'access_review',
      'security_awareness_training',
      'vulnerability_management',
      'change_management',
      'vendor_risk_assessment',
      'incident_response',
      'logical_access_mfa',
    ]);
    for (const area of EXCEPTION_AREAS) {
      for (const id of [...area.primaryCriteria, ...area.relatedCriteria]) expect(criterionIdSchema.safeParse(id).success, `${area.key} ${id}`).toBe(true);
    }
  });

  it('refuses an unknown area key', () => {
    expect(exceptionAreaKeySchema.safeParse('payroll').success).toBe(false);
  });
});
