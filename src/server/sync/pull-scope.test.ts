import { describe, expect, it } from 'vitest';
import { planScope } from './pull-scope';

const A = '01900000-0000-7000-8000-00000000000a';
const B = '01900000-0000-7000-8000-00000000000b';
const C = '01900000-0000-7000-8000-00000000000c';
const auditor = (engagementId: string) => ({ engagementId, role: 'auditor' as const, organization: null });
const client = (engagementId: string, organization: string) => ({ engagementId, role: 'client' as const, organization });

describe('planScope', () => {
  it('sends everything in full to a client that was sent nothing', () => {
    expect(planScope([auditor(A), auditor(B)], [])).toEqual({ continuing: [], fresh: [auditor(A), auditor(B)], reset: [] });
  });

  it('continues what is unchanged, sends what is new in full and resets what was left', () => {
    expect(planScope([auditor(A), auditor(C)], [auditor(A), auditor(B)])).toEqual({ continuing: [auditor(A)], fresh: [auditor(C)], reset: [B] });
  });

  it('resets and resends an engagement seen in another role or for another organisation', () => {
    expect(planScope([client(A, 'Acme'), client(B, 'Beta')], [auditor(A), client(B, 'Gamma')])).toEqual({ continuing: [], fresh: [client(A, 'Acme'), client(B, 'Beta')], reset: [A, B] });
  });

  it('resets and resends everything for a cookie it does not know', () => {
    expect(planScope([auditor(B), auditor(A)], null)).toEqual({ continuing: [], fresh: [auditor(B), auditor(A)], reset: [A, B] });
  });
});
