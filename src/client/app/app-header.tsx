import type { ReactNode } from 'react';

/** The bar every screen shares: the app's name, then whatever the state of the session adds. */
export const AppHeader = ({ children }: { readonly children?: ReactNode }) => (
  <header className="app-header">
    <div className="app-header__inner">
      <p className="app-name">
        <img src="/tickmark.svg" alt="" width="28" height="28" />
        <span>Tickmark</span>
      </p>
      {children}
    </div>
  </header>
);

export const SkipLink = () => (
  <a className="skip-link" href="#main">
    Skip to content
  </a>
);

/** While the session changes hands: nothing may read the store being closed. */
export const BusyScreen = ({ message }: { readonly message: string }) => (
  <main className="app-main">
    <p className="boot" role="status">
      {message}
    </p>
  </main>
);
