import { Link } from 'wouter';

/** Shown while the server no longer accepts this device's session: work goes on locally, syncing waits. */
export const SessionEndedBanner = () => (
  <div className="session-banner" role="alert" data-testid="session-ended">
    <p>
      <strong>Your session has ended — sign in again to sync.</strong> Your changes are kept on this device until then.
    </p>
    <Link href="/sign-in" className="button button--small">
      Sign in again
    </Link>
  </div>
);
