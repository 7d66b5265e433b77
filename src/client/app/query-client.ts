import { QueryClient } from '@tanstack/react-query';

/**
 * Queries read IndexedDB, not the network, so they must run while offline: React Query's
 * default network mode would pause them until the browser reports a connection.
 */
export const createQueryClient = (): QueryClient =>
  new QueryClient({
    defaultOptions: {
      queries: { networkMode: 'always', retry: 1 },
      mutations: { networkMode: 'always', retry: false },
    },
  });
