import { membershipIn, type Actor, type ActorMembership } from '../../domain/permissions/actor';
import { canPerform, type PermissionAction } from '../../domain/permissions/action-rules';

export type EngagementAccess =
  | { readonly ok: true; readonly membership: ActorMembership }
  | { readonly ok: false; readonly status: 403 | 404; readonly message: string };

/** Same words whether the engagement exists elsewhere or not at all: a non-member learns nothing. */
export const noSuchEngagement = (engagementId: string): string => `No engagement ${engagementId}`;

/**
 * May `actor` do a team action in the engagement? Not a member (or no such engagement):
 * 404. A member whose role does not allow it: 403 with the rule's reason.
 */
export const checkEngagementAccess = (actor: Actor, engagementId: string, action: PermissionAction): EngagementAccess => {
  const membership = membershipIn(actor, engagementId);
  if (!membership) return { ok: false, status: 404, message: noSuchEngagement(engagementId) };
  const permitted = canPerform(actor, action, engagementId);
  return permitted.ok ? { ok: true, membership } : { ok: false, status: 403, message: permitted.message };
};
