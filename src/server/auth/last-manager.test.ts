import { describe, expect, it } from 'vitest';
import { leavesNoManager } from './last-manager';

const A = '01900000-0000-7000-8000-00000000000a';
const B = '01900000-0000-7000-8000-00000000000b';
const C = '01900000-0000-7000-8000-00000000000c';

describe('leavesNoManager', () => {
  const oneManager = [
    { userId: A, role: 'manager' as const },
    { userId: B, role: 'auditor' as const },
  ];

  it('refuses removing or demoting the only manager', () => {
    expect(leavesNoManager(oneManager, A, null)).toBe(true);
    expect(leavesNoManager(oneManager, A, 'auditor')).toBe(true);
    expect(leavesNoManager(oneManager, A, 'client')).toBe(true);
  });

  it('allows it when another manager stays', () => {
    const two = [...oneManager, { userId: C, role: 'manager' as const }];
    expect(leavesNoManager(two, A, null)).toBe(false);
    expect(leavesNoManager(two, A, 'auditor')).toBe(false);
  });

  it('is not concerned with changes to non-managers or keeping a manager a manager', () => {
    expect(leavesNoManager(oneManager, B, null)).toBe(false);
    expect(leavesNoManager(oneManager, B, 'manager')).toBe(false);
    expect(leavesNoManager(oneManager, A, 'manager')).toBe(false);
    expect(leavesNoManager(oneManager, C, null)).toBe(false);
  });
});
