import type { ActorMembership } from '../../domain/permissions/actor';
import type { PullRequest, PullResponse } from '../../sync/protocol';
import { loadActor } from '../auth/authenticate';
import type { Db } from '../store/db';
import { createRecordsRepo } from '../store/records-repo';
import { createClientScopesRepo } from './client-scopes-repo';
import { createClientsRepo } from './clients-repo';
import { buildPatch } from './pull-patch';
import { createPullRecordsRepo } from './pull-records-repo';
import { planScope, type Scope } from './pull-scope';

/** Records per answer: a first pull of an engagement of 15k records comes in 15 answers, never all in memory. */
export const PULL_PAGE_SIZE = 1000;

export type PullOutcome = { readonly kind: 'ok'; readonly response: PullResponse } | { readonly kind: 'foreign' } | { readonly kind: 'signed_out' };

export type PullInput = {
  readonly db: Db;
  readonly userId: string;
  readonly request: PullRequest;
  readonly now: () => Date;
  readonly pageSize?: number;
};

const split = (entries: readonly ActorMembership[]) => ({
  firm: entries.filter((m) => m.role !== 'client').map((m) => m.engagementId),
  client: entries.filter((m) => m.role === 'client').map((m) => m.engagementId),
});

/**
 * Answers a pull from ONE snapshot (repeatable read, read only): the scope, the records,
 * the cookie and the client's last mutation id all agree. Records come in version order,
 * at most `pageSize` per answer; `more` says another pull follows, from the cookie at the
 * page's last version. Afterwards the scope sent is remembered under the new cookie, so
 * the next pull knows which engagements are new to the client (sent in full) or gone
 * (reset). See pull-scope.ts for the cases, pull-patch.ts for what each reader gets.
 *
 * A newly added engagement is sent from version 0 while the others continue from the
 * cookie; a page cut inside it answers a cookie below the one sent, and the records of
 * the other engagements between the two are sent again (puts of current state: harmless).
 */
export const processPull = async ({ db, userId, request, now, pageSize = PULL_PAGE_SIZE }: PullInput): Promise<PullOutcome> => {
  const client = await createClientsRepo(db).register(request.clientId, userId);
  if (client.userId !== userId) return { kind: 'foreign' };

  const answer = await db.transaction(
    async (q): Promise<{ response: PullResponse; scope: Scope } | null> => {
      const actor = await loadActor(q, userId);
      if (!actor) return null;
      const lastMutationId = (await createClientsRepo(q).find(request.clientId))?.lastMutationId ?? 0;
      const currentVersion = await createRecordsRepo(q).currentVersion();
      const previous = request.cookie === null ? [] : await createClientScopesRepo(q).find(request.clientId, request.cookie);
      const plan = planScope(actor.memberships, previous);
      const rows = await createPullRecordsRepo(q).page({
        since: previous === null ? 0 : (request.cookie ?? 0),
        continuing: split(plan.continuing),
        fresh: split(plan.fresh),
        userId,
        limit: pageSize + 1,
      });
      const more = rows.length > pageSize;
      const page = more ? rows.slice(0, pageSize) : rows;
      const cookie = more ? (page[page.length - 1]?.version ?? currentVersion) : currentVersion;
      const patch = await buildPatch(q, actor, page, new Set(plan.fresh.map((m) => m.engagementId)));
      const response: PullResponse = {
        cookie,
        lastMutationId,
        patch,
        ...(plan.reset.length > 0 ? { reset: [...plan.reset] } : {}),
        ...(more ? { more: true } : {}),
      };
      return { response, scope: actor.memberships };
    },
    { isolation: 'repeatable read', readOnly: true },
  );
  if (!answer) return { kind: 'signed_out' };

  await db.transaction(
    async (q) => {
      await createClientScopesRepo(q).save(request.clientId, answer.response.cookie, answer.scope, request.cookie);
      await createClientsRepo(q).touch(request.clientId, now().toISOString());
    },
    { isolation: 'read committed' },
  );
  return { kind: 'ok', response: answer.response };
};
