import { describe, expect, it } from 'vitest';
import { MUTATOR_ACTIONS, TEAM_ACTIONS, canPerform, canSignOff, permissionActionSchema, type PermissionAction } from './action-rules';
import type { Actor } from './actor';
import { ACTORS, ENGAGEMENT, OTHER_ENGAGEMENT, VIEWERS } from './permission-test-actors';
import { mutatorNameSchema, type MutatorName } from '../../sync/mutator-names';

// Compile-time guard: the two lists must name the same mutators, so a mutator added in
// sync/ without a permission action (and so without a rule) fails the type check.
type SameNames = [MutatorName] extends [(typeof MUTATOR_ACTIONS)[number]] ? ([(typeof MUTATOR_ACTIONS)[number]] extends [MutatorName] ? true : false) : false;
const sameNames: SameNames = true;

const Y = true;
const N = false;

/** Who may do each action in THEIR engagement. */
// prettier-ignore
const OWN_ENGAGEMENT = {
  //                  manager auditor client nonMember adminNonMember
  createEngagement: [ Y,      N,      N,     Y,        Y ],
  recordResult:     [ Y,      Y,      N,     N,        N ],
  inviteMember:     [ Y,      N,      N,     N,        N ],
  changeMemberRole: [ Y,      N,      N,     N,        N ],
  removeMember:     [ Y,      N,      N,     N,        N ],
  viewTeam:         [ Y,      Y,      N,     N,        N ],
} satisfies Record<PermissionAction, readonly boolean[]>;

/**
 * In ANOTHER engagement nobody may do anything, except create engagements: that is a
 * firm-level action (an admin, or a manager of any engagement: the non-member manages one elsewhere).
 */
// prettier-ignore
const OTHER = {
  createEngagement: [ Y,      N,      N,     Y,        Y ],
  recordResult:     [ N,      N,      N,     N,        N ],
  inviteMember:     [ N,      N,      N,     N,        N ],
  changeMemberRole: [ N,      N,      N,     N,        N ],
  removeMember:     [ N,      N,      N,     N,        N ],
  viewTeam:         [ N,      N,      N,     N,        N ],
} satisfies Record<PermissionAction, readonly boolean[]>;

const rows = permissionActionSchema.options.flatMap((action) =>
  VIEWERS.flatMap((viewer, i) => [
    { action, viewer, engagement: 'their own', engagementId: ENGAGEMENT, expected: OWN_ENGAGEMENT[action][i] },
    { action, viewer, engagement: 'another', engagementId: OTHER_ENGAGEMENT, expected: OTHER[action][i] },
  ]),
);

describe('action matrix: action × role × own/other engagement', () => {
  it('covers every mutator and team action', () => {
    expect(sameNames).toBe(true);
    expect([...mutatorNameSchema.options].sort()).toEqual([...MUTATOR_ACTIONS].sort());
    expect(permissionActionSchema.options).toEqual([...MUTATOR_ACTIONS, ...TEAM_ACTIONS]);
    expect(rows).toHaveLength(permissionActionSchema.options.length * VIEWERS.length * 2);
  });

  it.each(rows)('$viewer → $action in $engagement engagement: $expected', ({ action, viewer, engagementId, expected }) => {
    const result = canPerform(ACTORS[viewer], action, engagementId);
    expect(result.ok).toBe(expected);
    if (!result.ok) {
      expect(result.code).toBe('forbidden');
      expect(result.message.length).toBeGreaterThan(10);
    }
  });
});

describe('refusals and edge cases', () => {
  it('says why: not a member, or the wrong role', () => {
    expect(canPerform(ACTORS.adminNonMember, 'recordResult', ENGAGEMENT)).toEqual({ ok: false, code: 'forbidden', message: 'You are not a member of this engagement' });
    expect(canPerform(ACTORS.auditor, 'inviteMember', ENGAGEMENT)).toEqual({ ok: false, code: 'forbidden', message: 'Only managers of this engagement may invite members' });
    expect(canPerform(ACTORS.client, 'viewTeam', ENGAGEMENT)).toEqual({ ok: false, code: 'forbidden', message: 'Only managers and auditors of this engagement may see the team' });
    expect(canPerform(ACTORS.auditor, 'createEngagement', null)).toEqual({
      ok: false,
      code: 'forbidden',
      message: 'Only a firm admin or managers of an engagement may create engagements',
    });
  });

  it('refuses an engagement action without an engagement', () => {
    expect(canPerform(ACTORS.manager, 'recordResult', null).ok).toBe(false);
    expect(canPerform(ACTORS.manager, 'viewTeam', null).ok).toBe(false);
  });

  it('lets createEngagement through without an engagement id, for a firm admin or any manager', () => {
    expect(canPerform(ACTORS.adminNonMember, 'createEngagement', null).ok).toBe(true);
    expect(canPerform(ACTORS.manager, 'createEngagement', null).ok).toBe(true);
    expect(canPerform(ACTORS.client, 'createEngagement', null).ok).toBe(false);
  });

  it('gives a firm admin who is also a member exactly that member’s rights', () => {
    const adminAuditor: Actor = { ...ACTORS.auditor, firmRole: 'admin' };
    expect(canPerform(adminAuditor, 'recordResult', ENGAGEMENT).ok).toBe(true);
    expect(canPerform(adminAuditor, 'inviteMember', ENGAGEMENT).ok).toBe(false);
    expect(canPerform(adminAuditor, 'recordResult', OTHER_ENGAGEMENT).ok).toBe(false);
  });

  it('refuses a name outside the table rather than allowing it', () => {
    expect(canPerform(ACTORS.manager, 'dropDatabase' as PermissionAction, ENGAGEMENT).ok).toBe(false);
  });

  it('grants a user with no memberships nothing', () => {
    const nobody: Actor = { ...ACTORS.nonMember, memberships: [] };
    for (const action of permissionActionSchema.options) expect(canPerform(nobody, action, ENGAGEMENT).ok, action).toBe(false);
  });
});

describe('sign-off levels', () => {
  // prettier-ignore
  const SIGN_OFF = {
    //        manager auditor client nonMember adminNonMember
    preparer: [ Y,    Y,      N,     N,        N ],
    reviewer: [ Y,    N,      N,     N,        N ],
  } as const;

  it.each((['preparer', 'reviewer'] as const).flatMap((level) => VIEWERS.map((viewer, i) => ({ level, viewer, expected: SIGN_OFF[level][i] }))))(
    '$viewer signs off as $level: $expected',
    ({ level, viewer, expected }) => {
      expect(canSignOff(ACTORS[viewer], ENGAGEMENT, level).ok).toBe(expected);
      expect(canSignOff(ACTORS[viewer], OTHER_ENGAGEMENT, level).ok).toBe(false);
    },
  );
});
