import type { ActorMembership } from '../../../domain/permissions/actor';
import type { Role } from '../../../domain/records/membership';
import { ROLE_LABELS } from '../../ui/role-labels';

const ROLE_ORDER: readonly Role[] = ['manager', 'auditor', 'client'];

const engagements = (n: number): string => (n === 1 ? '1 engagement' : `${n} engagements`);

/** One line for the header: "Manager on 2 engagements · Auditor on 1 engagement". */
export const roleSummary = (memberships: readonly ActorMembership[]): string => {
  if (memberships.length === 0) return 'No engagements yet';
  return ROLE_ORDER.flatMap((role) => {
    const n = memberships.filter((m) => m.role === role).length;
    return n === 0 ? [] : [`${ROLE_LABELS[role]} on ${engagements(n)}`];
  }).join(' · ');
};

/** Two letters for the avatar: first and last word of the name, else the e-mail's first letter. */
export const initialsOf = (name: string, email: string): string => {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0]?.[0];
  const last = words.length > 1 ? words[words.length - 1]?.[0] : undefined;
  return ((first ?? email[0] ?? '?') + (last ?? '')).toUpperCase();
};
