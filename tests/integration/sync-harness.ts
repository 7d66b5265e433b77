import type { LightMyRequestResponse } from 'fastify';
import { v7 } from 'uuid';
import type { AnyRecord } from '../../src/domain/records/record-kinds';
import type { MutatorName } from '../../src/sync/mutator-names';
import type { CreateEngagementArgs } from '../../src/sync/mutators/create-engagement';
import type { RecordResultArgs } from '../../src/sync/mutators/record-result';
import { PROTOCOL_VERSION, pullResponseSchema, pushResponseSchema, type Mutation, type PullResponse, type PushResponse } from '../../src/sync/protocol';
import { visibleRecords } from '../../src/domain/permissions/read-rules';
import { loadActor } from '../../src/server/auth/authenticate';
import { createRecordsRepo } from '../../src/server/store/records-repo';
import type { AuthApp } from './auth-harness';

export const CLIENT_TIME = '2026-03-02T09:30:00.000Z';

export const mutation = (id: number, name: MutatorName, args: unknown, baseVersion: number | null = null): Mutation => ({ id, name, args, baseVersion, clientTime: CLIENT_TIME });

export const engagementArgs = (over: Partial<CreateEngagementArgs> = {}): CreateEngagementArgs => ({
  id: v7(),
  membershipId: v7(),
  name: 'Pushed engagement',
  clientOrganization: 'Pushed Ltd',
  engagementKind: 'type2',
  periodStart: '2026-01-01',
  periodEnd: '2026-12-31',
  categoriesInScope: ['CC'],
  priorEngagementId: null,
  ...over,
});

export type SyncSession = {
  readonly cookie: string;
  readonly clientId: string;
  /** POST /api/sync/push with this session, any body. */
  readonly pushRaw: (body: unknown) => Promise<LightMyRequestResponse>;
  readonly push: (mutations: readonly Mutation[]) => Promise<PushResponse>;
  readonly pullRaw: (body: unknown) => Promise<LightMyRequestResponse>;
  readonly pull: (cookie: number | null) => Promise<PullResponse>;
  /** Pulls until `more` is false; every answer, in order. */
  readonly pullAll: (cookie: number | null) => Promise<PullResponse[]>;
};

const expectStatus = (res: LightMyRequestResponse, status: number, what: string) => {
  if (res.statusCode !== status) throw new Error(`${what}: expected ${status}, got ${res.statusCode} ${res.body}`);
};

/** A browser profile of one signed-in user: its own client id, speaking the sync protocol. */
export const syncSession = (h: AuthApp, cookie: string, clientId: string = v7()): SyncSession => {
  const pushRaw = (body: unknown) => h.call('POST', '/api/sync/push', { cookie, payload: body });
  const pullRaw = (body: unknown) => h.call('POST', '/api/sync/pull', { cookie, payload: body });
  const pull = async (from: number | null) => {
    const res = await pullRaw({ protocolVersion: PROTOCOL_VERSION, clientId, cookie: from });
    expectStatus(res, 200, 'pull');
    return pullResponseSchema.parse(res.json());
  };
  return {
    cookie,
    clientId,
    pushRaw,
    push: async (mutations) => {
      const res = await pushRaw({ protocolVersion: PROTOCOL_VERSION, clientId, mutations });
      expectStatus(res, 200, 'push');
      return pushResponseSchema.parse(res.json());
    },
    pullRaw,
    pull,
    pullAll: async (from) => {
      const answers: PullResponse[] = [];
      let next = from;
      for (let i = 0; i < 1000; i++) {
        const answer = await pull(next);
        answers.push(answer);
        next = answer.cookie;
        if (!answer.more) return answers;
      }
      throw new Error('pullAll: the server never stopped answering more: true');
    },
  };
};

export const signedInSession = async (h: AuthApp, who: Parameters<AuthApp['signIn']>[0], clientId?: string): Promise<SyncSession> => syncSession(h, await h.signIn(who), clientId);

/** A sample of the demo Type 2 with its procedure, and result args that pass every attribute. */
export const demoSample = async (h: AuthApp, index = 0): Promise<{ sampleId: string; attributes: string[]; args: () => RecordResultArgs }> => {
  const repo = createRecordsRepo(h.t.db);
  const samples = await repo.list('sample', h.type2);
  const sample = samples[index];
  if (!sample) throw new Error(`the demo Type 2 has no sample #${index}`);
  const procedure = await repo.get('procedure', sample.procedureId);
  if (!procedure) throw new Error('demo sample without procedure');
  const attributes = procedure.attributes.map((a) => a.key);
  return {
    sampleId: sample.id,
    attributes,
    args: () => ({ id: v7(), engagementId: h.type2, sampleId: sample.id, marks: Object.fromEntries(attributes.map((k) => [k, 'pass' as const])), note: '', outcomeOverride: null }),
  };
};

/** Folds pull answers into the client's view: resets drop an engagement, puts replace, dels remove. */
export const applyAnswers = (answers: readonly PullResponse[], start: ReadonlyMap<string, AnyRecord> = new Map()): Map<string, AnyRecord> => {
  const local = new Map(start);
  for (const a of answers) {
    for (const e of a.reset ?? []) for (const [k, r] of local) if (r.engagementId === e) local.delete(k);
    for (const op of a.patch) {
      if (op.op === 'put') local.set(`${op.kind}:${op.id}`, op.value);
      else local.delete(`${op.kind}:${op.id}`);
    }
  }
  return local;
};

export const countRows = async (h: AuthApp, table: 'records' | 'clients' | 'mutation_rejections' | 'audit_events' | 'client_scopes'): Promise<number> =>
  (await h.t.db.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]?.n ?? 0;

/** Writes records through records-repo in one transaction (fast enough for thousands). */
export const putRecords = async (h: AuthApp, records: readonly AnyRecord[]): Promise<AnyRecord[]> =>
  h.t.db.transaction(
    async (tx) => {
      const repo = createRecordsRepo(tx);
      const stored: AnyRecord[] = [];
      for (const r of records) {
        const put = await repo.put(r);
        if (!put.ok) throw new Error(put.message);
        stored.push(put.record);
      }
      return stored;
    },
    { isolation: 'read committed' },
  );

/**
 * What `userId` should hold after syncing everything: every live record of the
 * engagements they are a member of, as the read rules show it to them.
 */
export const expectedHoldings = async (h: AuthApp, userId: string): Promise<Map<string, AnyRecord>> => {
  const actor = await loadActor(h.t.db, userId);
  if (!actor) throw new Error(`no actor ${userId}`);
  const all: AnyRecord[] = [];
  for (const m of actor.memberships) all.push(...(await createRecordsRepo(h.t.db).listByEngagement(m.engagementId)));
  const expected = new Map<string, AnyRecord>();
  for (const v of visibleRecords(actor, all)) if (!v.deleted) expected.set(`${v.kind}:${v.id}`, v);
  return expected;
};
