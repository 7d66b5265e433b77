/** The answer of every action and field rule: allowed, or refused with a reason to show the user. */
export type PermissionResult = { readonly ok: true } | { readonly ok: false; readonly code: 'forbidden'; readonly message: string };

export const allowed: PermissionResult = { ok: true };

export const forbidden = (message: string): PermissionResult => ({ ok: false, code: 'forbidden', message });
