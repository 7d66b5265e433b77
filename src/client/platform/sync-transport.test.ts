import { v7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../sync/protocol';
import { createHttpSyncTransport } from './sync-transport';

const answer =
  (status: number, body: unknown): typeof fetch =>
  async () =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const pullReq = { protocolVersion: PROTOCOL_VERSION, clientId: v7(), cookie: null };

describe('HTTP sync transport', () => {
  it('parses a pull answer with the shared schema', async () => {
    const t = createHttpSyncTransport({ fetch: answer(200, { cookie: 3, lastMutationId: 0, patch: [] }) });
    expect(await t.pull(pullReq)).toEqual({ ok: true, data: { cookie: 3, lastMutationId: 0, patch: [] } });
  });

  it('refuses an answer that does not match the protocol', async () => {
    const t = createHttpSyncTransport({ fetch: answer(200, { cookie: 'x' }) });
    expect(await t.pull(pullReq)).toMatchObject({ ok: false, kind: 'server' });
  });

  it('maps statuses to what the engine reacts to', async () => {
    const cases: Array<[number, unknown, object]> = [
      [401, { error: 'Session expired' }, { kind: 'unauthorized', message: 'Session expired' }],
      [403, { error: 'Not your client' }, { kind: 'forbidden' }],
      [409, { error: 'Gap', expected: 4 }, { kind: 'gap', expected: 4 }],
      [426, { error: 'Update the app' }, { kind: 'outdated', message: 'Update the app' }],
      [503, 'down', { kind: 'network' }],
      [500, { error: 'boom' }, { kind: 'server', message: 'boom' }],
    ];
    for (const [status, body, expected] of cases) {
      expect(await createHttpSyncTransport({ fetch: answer(status, body) }).pull(pullReq), String(status)).toMatchObject({ ok: false, ...expected });
    }
  });

  it('reports a network failure as offline', async () => {
    const t = createHttpSyncTransport({
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    expect(await t.push({ protocolVersion: PROTOCOL_VERSION, clientId: v7(), mutations: [] })).toEqual({ ok: false, kind: 'network', message: 'Failed to fetch' });
  });
});
