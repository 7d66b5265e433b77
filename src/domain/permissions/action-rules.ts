import { z } from 'zod';
import { roleIn, type Actor } from './actor';
import { allowed, forbidden, type PermissionResult } from './permission-result';
import type { Role } from '../records/membership';
import type { SignOff } from '../records/sign-off';

/**
 * The named mutators of src/sync/mutator-names.ts. domain/ may not import sync/ (lint
 * layer rule), so the names are listed here too; action-rules.test.ts fails the type
 * check when the two lists differ, and the `satisfies` on ACTION_RULES fails it when a
 * name has no rule.
 */
export const MUTATOR_ACTIONS = ['createEngagement', 'recordResult'] as const;

/** Team and admin actions served by plain routes rather than mutators. */
export const TEAM_ACTIONS = ['inviteMember', 'changeMemberRole', 'removeMember', 'viewTeam'] as const;

export const permissionActionSchema = z.enum([...MUTATOR_ACTIONS, ...TEAM_ACTIONS]);
export type PermissionAction = z.infer<typeof permissionActionSchema>;

type ActionRule =
  /** Not tied to one engagement: a firm admin, or a member holding one of `anyEngagementRoles` anywhere. */
  | { readonly scope: 'firm'; readonly label: string; readonly anyEngagementRoles: readonly Role[] }
  /** Inside one engagement: a member of it holding one of `roles`. */
  | { readonly scope: 'engagement'; readonly label: string; readonly roles: readonly Role[] };

const AUDIT_TEAM = ['manager', 'auditor'] as const satisfies readonly Role[];
const MANAGERS = ['manager'] as const satisfies readonly Role[];

/** Who may do what; `label` completes "Only ... may <label>". */
const ACTION_RULES = {
  createEngagement: { scope: 'firm', label: 'create engagements', anyEngagementRoles: MANAGERS },
  recordResult: { scope: 'engagement', label: 'record test results', roles: AUDIT_TEAM },
  inviteMember: { scope: 'engagement', label: 'invite members', roles: MANAGERS },
  changeMemberRole: { scope: 'engagement', label: 'change a member’s role', roles: MANAGERS },
  removeMember: { scope: 'engagement', label: 'remove members', roles: MANAGERS },
  viewTeam: { scope: 'engagement', label: 'see the team', roles: AUDIT_TEAM },
} as const satisfies Record<PermissionAction, ActionRule>;

const roleNames = (roles: readonly Role[]): string => roles.map((r) => `${r}s`).join(' and ');

/** In one engagement: `actor` is a member holding one of `roles`. */
const engagementRole = (actor: Actor, engagementId: string | null, roles: readonly Role[], label: string): PermissionResult => {
  if (engagementId === null) return forbidden(`To ${label} an engagement must be given`);
  const role = roleIn(actor, engagementId);
  if (role === null) return forbidden('You are not a member of this engagement');
  return roles.includes(role) ? allowed : forbidden(`Only ${roleNames(roles)} of this engagement may ${label}`);
};

/**
 * May `actor` do `action` in `engagementId`? A firm admin has no say inside an
 * engagement without a membership in it (see read-rules.ts). Actions on a particular
 * record (a client answering a request) also need `canReadRecord` on that record.
 */
export const canPerform = (actor: Actor, action: PermissionAction, engagementId: string | null): PermissionResult => {
  const rule: ActionRule | undefined = ACTION_RULES[action];
  // Unreachable for typed callers; a name from outside the table is refused, not allowed.
  if (rule === undefined) return forbidden(`Unknown action: ${String(action)}`);
  switch (rule.scope) {
    case 'firm': {
      if (actor.firmRole === 'admin') return allowed;
      if (actor.memberships.some((m) => rule.anyEngagementRoles.includes(m.role))) return allowed;
      return forbidden(`Only a firm admin or ${roleNames(rule.anyEngagementRoles)} of an engagement may ${rule.label}`);
    }
    case 'engagement':
      return engagementRole(actor, engagementId, rule.roles, rule.label);
  }
};

/** Preparer sign-offs are the audit team's; a reviewer sign-off is a manager's alone. */
export const canSignOff = (actor: Actor, engagementId: string, level: SignOff['level']): PermissionResult => {
  switch (level) {
    case 'preparer':
      return engagementRole(actor, engagementId, AUDIT_TEAM, 'sign off as preparer');
    case 'reviewer':
      return engagementRole(actor, engagementId, MANAGERS, 'sign off as reviewer');
  }
};
