/** For useSyncExternalStore: the browser's own idea of connectivity (not proof the server is reachable). */
export const subscribeToOnlineStatus = (listener: () => void): (() => void) => {
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
};

export const readOnlineStatus = (): boolean => navigator.onLine;
