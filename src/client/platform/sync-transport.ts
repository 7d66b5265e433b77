import type { z } from 'zod';
import { errorResponseSchema } from '../../sync/auth-protocol';
import { pullResponseSchema, pushResponseSchema } from '../../sync/protocol';
import type { Transport, TransportResult } from '../../sync/transport';

export type SyncTransportOptions = {
  /** `window.fetch` bound to window. */
  readonly fetch: typeof fetch;
  readonly baseUrl?: string;
};

const messageOf = (body: unknown, fallback: string): string => {
  const parsed = errorResponseSchema.safeParse(body);
  return parsed.success ? parsed.data.error : fallback;
};

const expectedOf = (body: unknown): number => {
  const e = (body as { expected?: unknown } | null)?.expected;
  return typeof e === 'number' ? e : 0;
};

/** Push and pull over HTTP with the session cookie; every answer parsed with the shared schemas. */
export const createHttpSyncTransport = ({ fetch: doFetch, baseUrl = '' }: SyncTransportOptions): Transport => {
  const post = async <T>(path: string, body: unknown, schema: z.ZodType<T>): Promise<TransportResult<T>> => {
    let res: Response;
    try {
      res = await doFetch(`${baseUrl}${path}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    } catch (e) {
      return { ok: false, kind: 'network', message: e instanceof Error ? e.message : 'The server could not be reached' };
    }
    const json: unknown = await res.json().catch(() => undefined);
    switch (res.status) {
      case 200: {
        const parsed = schema.safeParse(json);
        return parsed.success ? { ok: true, data: parsed.data } : { ok: false, kind: 'server', message: `The server's answer to ${path} was not understood` };
      }
      case 401:
        return { ok: false, kind: 'unauthorized', message: messageOf(json, 'Sign in again to sync') };
      case 403:
        return { ok: false, kind: 'forbidden', message: messageOf(json, 'This device may not sync for this user') };
      case 409:
        return { ok: false, kind: 'gap', message: messageOf(json, 'The server is missing earlier changes'), expected: expectedOf(json) };
      case 426:
        return { ok: false, kind: 'outdated', message: messageOf(json, 'This version of Tickmark is out of date: reload to update the app.') };
      case 502:
      case 503:
      case 504:
        // A proxy in front of a server that is restarting: as good as offline.
        return { ok: false, kind: 'network', message: `The server is not available (HTTP ${res.status})` };
      default:
        return { ok: false, kind: 'server', message: messageOf(json, `Sync failed (HTTP ${res.status})`) };
    }
  };
  return {
    push: (request) => post('/api/sync/push', request, pushResponseSchema),
    pull: (request) => post('/api/sync/pull', request, pullResponseSchema),
  };
};
