import type { ApiResult } from '../platform/api-result';
import type { DeleteDatabaseResult } from '../storage/user-database';
import type { Notice } from './session-state';

/** What the sign-in screen says after a sign-out: what happened to the data, and to the server session. */
export const signOutNotice = (server: ApiResult<null>, wiped: DeleteDatabaseResult | null): Notice => {
  const serverPart = ((): string | null => {
    if (server.ok) return null;
    switch (server.kind) {
      // Already ended on the server: nothing left to end.
      case 'unauthorized':
        return null;
      case 'network':
        return "You're offline, so the server session ends when it expires.";
      case 'forbidden':
      case 'not_found':
      case 'gone':
      case 'conflict':
      case 'invalid':
      case 'rate_limited':
      case 'server':
        return `The server could not end the session (${server.message}); it ends when it expires.`;
    }
  })();
  const dataPart = ((): { readonly tone: Notice['tone']; readonly text: string } => {
    if (wiped === null) return { tone: 'info', text: "You're signed out. Your data stays on this device for a faster next sign-in." };
    if (wiped.ok) return { tone: 'info', text: "You're signed out and your data was removed from this device." };
    return { tone: 'warning', text: `You're signed out, but your data is not removed yet: ${wiped.message}` };
  })();
  return { tone: dataPart.tone, text: serverPart ? `${dataPart.text} ${serverPart}` : dataPart.text };
};
