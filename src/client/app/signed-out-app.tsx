import { useState } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { Route, Switch } from 'wouter';
import { InvitationScreen } from '../features/invitation/invitation-screen';
import { SignInScreen } from '../features/sign-in/sign-in-screen';
import { AppHeader, SkipLink } from './app-header';
import { createQueryClient } from './query-client';
import type { Notice } from './session-state';
import { useFocusOnNavigation } from './use-focus-on-navigation';

/**
 * Nobody is signed in on this device: an invitation link opens the invitation, any other
 * address the sign-in form (and, once signed in, that address's screen).
 */
export const SignedOutApp = ({ notice }: { readonly notice: Notice | null }) => {
  const [queryClient] = useState(createQueryClient);
  useFocusOnNavigation(false);
  return (
    <QueryClientProvider client={queryClient}>
      <div className="app">
        <SkipLink />
        <AppHeader />
        <main id="main" className="app-main" tabIndex={-1}>
          <Switch>
            <Route path="/invite/:token">{(params) => <InvitationScreen key={params.token} token={params.token} />}</Route>
            <Route>
              <SignInScreen notice={notice} />
            </Route>
          </Switch>
        </main>
      </div>
    </QueryClientProvider>
  );
};
