import { BusyScreen } from './app-header';
import { useSessionState } from './app-services';
import { SignedInApp } from './signed-in-app';
import { SignedOutApp } from './signed-out-app';
import { StartupFailure } from './startup-failure';

/** Which app the device shows follows the session: signed out, signed in as someone, or in between. */
export const App = () => {
  const state = useSessionState();
  switch (state.status) {
    case 'starting':
      return <BusyScreen message="Opening Tickmark…" />;
    case 'busy':
      return <BusyScreen message={state.message} />;
    case 'failed':
      return <StartupFailure title={state.title} message={state.message} />;
    case 'signed-out':
      return <SignedOutApp notice={state.notice} />;
    case 'signed-in':
      return <SignedInApp key={state.session.me.user.id} session={state.session} />;
  }
};
