import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { v7 } from 'uuid';
import { errorResponseSchema } from '../../src/sync/auth-protocol';
import { mutatorNameSchema } from '../../src/sync/mutator-names';
import { PROTOCOL_VERSION, pullRequestSchema, pushRequestSchema, pushResponseSchema } from '../../src/sync/protocol';
import { SYNC_BODY_LIMIT_BYTES } from '../../src/server/http/sync-routes';
import { openAuthApp, type AuthApp } from './auth-harness';
import { CLIENT_TIME, countRows, signedInSession, type SyncSession } from './sync-harness';
import { TEST_DBS } from './test-dbs';

// Strings with what PostgreSQL cannot store (NUL, lone surrogates) among ordinary characters.
const nasty = fc.oneof(fc.constantFrom('\u0000', '\ud800', '\udc00', '"', '\\'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }));
const anyJson = fc.jsonValue({ maxDepth: 3, stringUnit: nasty });
const wrongValue = fc.oneof(anyJson, fc.constant(null), fc.constant(-1), fc.constant(1.5), fc.constant('1'), fc.constant([]), fc.constant({}));

const validMutation = (id: number) =>
  fc.record({ id: fc.constant(id), name: fc.constantFrom(...mutatorNameSchema.options), args: anyJson, baseVersion: fc.constant(null), clientTime: fc.constant(CLIENT_TIME) });

const validPush = fc.integer({ min: 0, max: 3 }).chain((n) =>
  fc.record({
    protocolVersion: fc.constant(PROTOCOL_VERSION),
    clientId: fc.constant(v7()),
    mutations: fc.tuple(...Array.from({ length: n }, (_, i) => validMutation(i + 1))).map((t) => [...t]),
  }),
);

type Body = Record<string, unknown>;

/** One thing wrong with an otherwise valid body: a field missing, of the wrong type, or a mutation broken. */
const broken = (valid: fc.Arbitrary<Body>) =>
  fc.tuple(valid, fc.nat(), fc.nat(), fc.constantFrom('delete', 'replace', 'mutation-delete', 'mutation-replace', 'huge'), wrongValue).map(([body, pick, pickField, how, value]) => {
    const copy: Body = structuredClone(body);
    const keys = Object.keys(copy);
    const key = keys[pick % keys.length] ?? 'clientId';
    const mutations = Array.isArray(copy.mutations) ? (copy.mutations as Body[]) : [];
    const m = mutations[pick % Math.max(1, mutations.length)];
    switch (how) {
      case 'delete':
        delete copy[key];
        break;
      case 'replace':
        copy[key] = value;
        break;
      case 'mutation-delete':
      case 'mutation-replace': {
        if (!m) {
          copy.mutations = value;
          break;
        }
        const fields = ['id', 'name', 'baseVersion', 'clientTime'];
        const field = fields[pickField % fields.length] ?? 'id';
        if (how === 'mutation-delete') delete m[field];
        else m[field] = value;
        break;
      }
      case 'huge':
        copy.mutations = Array.from({ length: 501 + (pick % 2000) }, (_, i) => ({ id: i + 1, name: 'recordResult', args: {}, baseVersion: null, clientTime: CLIENT_TIME }));
        break;
    }
    return copy;
  });

const validPull = fc.record({ protocolVersion: fc.constant(PROTOCOL_VERSION), clientId: fc.constant(v7()), cookie: fc.oneof(fc.constant(null), fc.nat()) });

describe.each(TEST_DBS)('sync bodies fuzzed on $name', (target) => {
  let h: AuthApp;
  let session: SyncSession;
  beforeAll(async () => {
    h = await openAuthApp(target);
    session = await signedInSession(h, 'auditor');
  });
  afterAll(async () => {
    await h?.close();
  });

  const stored = async () => Promise.all((['records', 'clients', 'mutation_rejections', 'audit_events', 'client_scopes'] as const).map((t) => countRows(h, t)));

  const send = (route: 'push' | 'pull', body: unknown) =>
    h.call('POST', `/api/sync/${route}`, { cookie: session.cookie, payload: JSON.stringify(body), headers: { 'content-type': 'application/json' } });

  const expect400 = async (route: 'push' | 'pull', body: unknown) => {
    const res = await send(route, body);
    expect(res.statusCode, res.body).toBe(400);
    const answer = errorResponseSchema.parse(res.json());
    expect(answer.error.length).toBeGreaterThan(0);
    expect(answer.issues?.length ?? 0).toBeGreaterThan(0);
  };

  const protocolOf = (body: unknown) => (typeof body === 'object' && body !== null && 'protocolVersion' in body ? body.protocolVersion : undefined);

  it('answers any JSON value as a body with 400 {error, issues}, storing nothing', async () => {
    const before = await stored();
    await fc.assert(
      fc.asyncProperty(anyJson, fc.constantFrom('push' as const, 'pull' as const), async (body, route) => {
        // A number there that is not ours is a 426 (an app to reload), tested elsewhere.
        fc.pre(typeof protocolOf(body) !== 'number');
        await expect400(route, body);
      }),
      { numRuns: 150 },
    );
    expect(await stored()).toEqual(before);
  });

  it('answers a push or pull with one field wrong (or 501+ mutations) with 400, storing nothing', async () => {
    const before = await stored();
    await fc.assert(
      fc.asyncProperty(fc.oneof(broken(validPush).map((b) => ['push', b] as const), broken(validPull).map((b) => ['pull', b] as const)), async ([route, body]) => {
        const schema = route === 'push' ? pushRequestSchema : pullRequestSchema;
        fc.pre(!schema.safeParse(body).success);
        const version = protocolOf(body);
        fc.pre(typeof version !== 'number' || version === PROTOCOL_VERSION);
        await expect400(route, body);
      }),
      { numRuns: 200 },
    );
    expect(await stored()).toEqual(before);
  });

  it('answers any arguments to a named mutator as a rejection, never a 500, and goes on with the next', async () => {
    let next = 1;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...mutatorNameSchema.options), anyJson, async (name, args) => {
        // A "__proto__" key anywhere refuses the whole body (prototype poisoning): tested below.
        fc.pre(!JSON.stringify(args).includes('"__proto__"'));
        const id = next;
        const res = await session.pushRaw({ protocolVersion: PROTOCOL_VERSION, clientId: session.clientId, mutations: [{ id, name, args, baseVersion: null, clientTime: CLIENT_TIME }, { id: id + 1, name, args: 'nonsense', baseVersion: null, clientTime: CLIENT_TIME }] });
        // Follow the server's count, so a shrinking re-run reports the real failure, not an id gap.
        const ack = (res.json() as { lastMutationId?: unknown; expected?: unknown }) ?? {};
        if (typeof ack.lastMutationId === 'number') next = ack.lastMutationId + 1;
        else if (typeof ack.expected === 'number') next = ack.expected;
        expect(res.statusCode, res.body).toBe(200);
        const answer = pushResponseSchema.parse(res.json());
        expect(answer.lastMutationId).toBe(id + 1);
        expect(answer.results.map((r) => [r.status, r.code])).toEqual([
          ['rejected', 'invalid'],
          ['rejected', 'invalid'],
        ]);
      }),
      { numRuns: 100 },
    );
    const { rows } = await h.t.db.query<{ n: number }>('SELECT count(*) AS n FROM mutation_rejections WHERE client_id = $1', [session.clientId]);
    expect(rows[0]?.n).toBe(next - 1);
  });

  it('refuses a body with a __proto__ key anywhere with 400, applying nothing', async () => {
    const before = await stored();
    const body = `{"protocolVersion":${PROTOCOL_VERSION},"clientId":"${session.clientId}","mutations":[{"id":1,"name":"createEngagement","args":{"__proto__":{"admin":true}},"baseVersion":null,"clientTime":"${CLIENT_TIME}"}]}`;
    const res = await h.call('POST', '/api/sync/push', { cookie: session.cookie, payload: body, headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(400);
    expect(errorResponseSchema.parse(res.json()).issues?.length).toBeGreaterThan(0);
    expect(await stored()).toEqual(before);
  });

  it('refuses a body over the limit with 413 before reading it, storing nothing', async () => {
    const before = await stored();
    const note = 'x'.repeat(SYNC_BODY_LIMIT_BYTES);
    const body = { protocolVersion: PROTOCOL_VERSION, clientId: v7(), mutations: [{ id: 1, name: 'recordResult', args: { note }, baseVersion: null, clientTime: CLIENT_TIME }] };
    const res = await send('push', body);
    expect(res.statusCode).toBe(413);
    expect(errorResponseSchema.parse(res.json()).error.length).toBeGreaterThan(0);
    expect((await send('pull', { protocolVersion: PROTOCOL_VERSION, clientId: v7(), cookie: null, padding: note })).statusCode).toBe(413);
    expect(await stored()).toEqual(before);
  });
});
