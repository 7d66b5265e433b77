import { useEffect, useMemo, useState } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { Redirect, Route, Switch, useLocation } from 'wouter';
import { AccountMenu } from '../features/account/account-menu';
import { SessionEndedBanner } from '../features/account/session-ended-banner';
import { UpdatePrompt } from '../features/app-update/update-prompt';
import { EngagementsScreen } from '../features/engagements/engagements-screen';
import { InvitationScreen } from '../features/invitation/invitation-screen';
import { SignInScreen } from '../features/sign-in/sign-in-screen';
import { StorageDialogButton } from '../features/storage/storage-dialog';
import { SyncStatusBadge } from '../features/sync-status/sync-status-badge';
import { pendingChanges } from '../features/sync-status/sync-status-model';
import { useSyncStatus } from '../features/sync-status/use-sync-status';
import { TeamScreen } from '../features/team/team-screen';
import { AppHeader, SkipLink } from './app-header';
import { SignedInProvider, useAppServices, useSignedIn, type SignedInServices } from './app-services';
import { LOCAL_STORE_KEY } from './local-store-keys';
import { NotFoundScreen } from './not-found-screen';
import { createQueryClient } from './query-client';
import type { SignedInSession } from './session-state';
import { useFocusOnNavigation } from './use-focus-on-navigation';

const SignedInShell = ({ focusOnMount }: { readonly focusOnMount: boolean }) => {
  const { me, server } = useSignedIn();
  const syncStatus = useSyncStatus();
  const pending = pendingChanges(syncStatus);
  const [location] = useLocation();
  useFocusOnNavigation(focusOnMount);
  const who = { name: me.user.name, email: me.user.email };
  return (
    <div className="app">
      <SkipLink />
      <AppHeader>
        <SyncStatusBadge status={syncStatus} />
        <StorageDialogButton />
        <AccountMenu pendingCount={pending} />
      </AppHeader>
      {server === 'expired' && location !== '/sign-in' && <SessionEndedBanner />}
      <UpdatePrompt pendingCount={pending} />
      <main id="main" className="app-main" tabIndex={-1}>
        <Switch>
          <Route path="/">
            <EngagementsScreen />
          </Route>
          <Route path="/engagements/:engagementId/team">{(params) => <TeamScreen key={params.engagementId} engagementId={params.engagementId} />}</Route>
          <Route path="/invite/:token">{(params) => <InvitationScreen key={params.token} token={params.token} signedInAs={who} />}</Route>
          <Route path="/sign-in">{server === 'expired' ? <SignInScreen notice={null} endedSession={who} /> : <Redirect to="/" replace />}</Route>
          <Route>
            <NotFoundScreen />
          </Route>
        </Switch>
      </main>
    </div>
  );
};

/**
 * Everything shown to a signed-in user, over their own store; remounted (fresh query cache,
 * fresh sync engine) for another user, and unmounted (sync stopped) on sign-out.
 */
export const SignedInApp = ({ session }: { readonly session: SignedInSession }) => {
  const { sync: makeSync } = useAppServices();
  const [queryClient] = useState(createQueryClient);
  // The store and the user are fixed for this mount (App keys it by user id).
  const [sync] = useState(() =>
    makeSync({
      userId: session.me.user.id,
      storage: session.storage,
      onLocalDataChanged: () => void queryClient.invalidateQueries({ queryKey: LOCAL_STORE_KEY }),
    }),
  );
  useEffect(() => sync.start(), [sync]);
  const services = useMemo<SignedInServices>(
    () => ({ storage: session.storage, userId: session.me.user.id, me: session.me, actor: session.actor, server: session.server, sync }),
    [session, sync],
  );
  return (
    <QueryClientProvider client={queryClient}>
      <SignedInProvider value={services}>
        <SignedInShell focusOnMount={session.via === 'sign-in'} />
      </SignedInProvider>
    </QueryClientProvider>
  );
};
