import { describe, expect, it } from 'vitest';
import { initialsOf, roleSummary } from './account-summary';

const m = (role: 'manager' | 'auditor' | 'client', n: number) => ({
  engagementId: `01890f2e-8b7a-7cc0-9d5e-4a1b2c3d4e${String(n).padStart(2, '0')}`,
  role,
  organization: role === 'client' ? 'Acme' : null,
});

describe('roleSummary', () => {
  it('counts engagements per role, managers first', () => {
    expect(roleSummary([m('auditor', 1), m('manager', 2), m('manager', 3)])).toBe('Manager on 2 engagements · Auditor on 1 engagement');
    expect(roleSummary([m('client', 1)])).toBe('Client contact on 1 engagement');
    expect(roleSummary([])).toBe('No engagements yet');
  });
});

describe('initialsOf', () => {
  it('takes the first and last word of the name', () => {
    expect(initialsOf('Morgan Reyes', 'm@x.test')).toBe('MR');
    expect(initialsOf('Ana María de la Cruz', 'a@x.test')).toBe('AC');
    expect(initialsOf('Cher', 'c@x.test')).toBe('C');
    expect(initialsOf('  ', 'zed@x.test')).toBe('Z');
  });
});
