import { canPerform, type PermissionAction } from '../../domain/permissions/action-rules';
import type { PermissionResult } from '../../domain/permissions/permission-result';
import { useSignedIn } from './app-services';

/** What the signed-in user may do, straight from the shared permission rules: screens never test roles themselves. */
export const usePermission = (action: PermissionAction, engagementId: string | null): PermissionResult => canPerform(useSignedIn().actor, action, engagementId);

/** For lists: one rule, many engagements. */
export const usePermissionCheck = (): ((action: PermissionAction, engagementId: string | null) => boolean) => {
  const { actor } = useSignedIn();
  return (action, engagementId) => canPerform(actor, action, engagementId).ok;
};
