import type { Membership, Role } from '../../domain/records/membership';

/**
 * Would changing `userId`'s role to `newRole` (null: removing them) leave the engagement
 * without a manager? Only a change that takes away a manager can.
 */
export const leavesNoManager = (live: readonly Pick<Membership, 'userId' | 'role'>[], userId: string, newRole: Role | null): boolean => {
  const target = live.find((m) => m.userId === userId);
  if (!target || target.role !== 'manager' || newRole === 'manager') return false;
  return !live.some((m) => m.role === 'manager' && m.userId !== userId);
};
