import type { Actor } from '../../domain/permissions/actor';
import type { MeResponse } from '../../sync/auth-protocol';

/** The permission rules' view of the signed-in user; the UI asks canPerform, never the role itself. */
export const actorFromMe = (me: MeResponse): Actor => ({ userId: me.user.id, firmRole: me.user.firmRole, memberships: me.memberships });
