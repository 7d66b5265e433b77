// The authorization matrix of the mutations: every role (and no session) × every mutator ×
// own and other engagement, with the exact answer for each cell.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../src/sync/protocol';
import { openAuthApp, type AuthApp, type Who } from './auth-harness';
import { TEST_DBS } from './test-dbs';
import { demoSample, engagementArgs, mutation, signedInSession } from './sync-harness';

type Cell = 'applied' | 'forbidden' | 'not_found';

// createEngagement has no engagement yet; recordResult targets a sample of Demo Type 2 ("own"
// for its members) — for everyone else that engagement is someone else's.
const MATRIX: Record<Who, { createEngagement: Cell; recordResult: Cell }> = {
  manager: { createEngagement: 'applied', recordResult: 'applied' },
  auditor: { createEngagement: 'forbidden', recordResult: 'applied' },
  client: { createEngagement: 'forbidden', recordResult: 'forbidden' },
  otherClient: { createEngagement: 'forbidden', recordResult: 'not_found' },
  elsewhereManager: { createEngagement: 'applied', recordResult: 'not_found' },
};

describe.each(TEST_DBS)('authorization of the mutations on $name', (target) => {
  let h: AuthApp;
  beforeAll(async () => {
    h = await openAuthApp(target);
  });
  afterAll(async () => {
    await h?.close();
  });

  for (const [who, row] of Object.entries(MATRIX) as Array<[Who, (typeof MATRIX)[Who]]>) {
    for (const [name, expected] of Object.entries(row) as Array<['createEngagement' | 'recordResult', Cell]>) {
      it(`${who} × ${name} → ${expected}`, async () => {
        const session = await signedInSession(h, who);
        const args = name === 'createEngagement' ? engagementArgs({ name: `By ${who}` }) : (await demoSample(h, 5)).args();
        const res = await session.push([mutation(1, name, args)]);
        const result = res.results[0];
        expect(res.lastMutationId).toBe(1);
        if (expected === 'applied') expect(result?.status).toBe('applied');
        else expect([result?.status, result?.code]).toEqual(['rejected', expected]);
      });
    }
  }

  it('answers push and pull without a session with 401', async () => {
    const body = { protocolVersion: PROTOCOL_VERSION, clientId: '01890a5d-ac96-774b-bcce-b302099a8057', mutations: [] };
    expect((await h.call('POST', '/api/sync/push', { payload: body })).statusCode).toBe(401);
    expect((await h.call('POST', '/api/sync/pull', { payload: { ...body, mutations: undefined, cookie: null } })).statusCode).toBe(401);
  });
});
