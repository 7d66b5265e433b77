/** Shown instead of the app when the local store cannot be used: saying "saved" would be a lie. */
export const StartupFailure = ({ title, message }: { readonly title: string; readonly message: string }) => (
  <main className="app-main startup-failure">
    <div className="card" role="alert">
      <h1>{title}</h1>
      <p>{message}</p>
      <button type="button" className="button" onClick={() => window.location.reload()}>
        Reload
      </button>
    </div>
  </main>
);
