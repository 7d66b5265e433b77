import type { FastifyInstance, FastifyReply, preValidationAsyncHookHandler } from 'fastify';
import { PROTOCOL_VERSION, pullRequestSchema, pushRequestSchema, type PullResponse, type PushResponse } from '../../sync/protocol';
import { requireActor } from '../auth/actor-request';
import { refusal, sendRefusal } from '../auth/refusal';
import { parseInput } from '../auth/request-input';
import { sessionRefusal } from '../auth/sessions';
import type { Db } from '../store/db';
import { processPull } from '../sync/pull';
import { processPush } from '../sync/push';

export type SyncRoutesDeps = {
  readonly db: Db;
  readonly now?: () => Date;
  /** Records per pull answer; tests make it small to see paging. */
  readonly pullPageSize?: number;
};

/** 500 mutations with long notes are several MB; anything larger is refused (413) before parsing. */
export const SYNC_BODY_LIMIT_BYTES = 16 * 1024 * 1024;

export const OUTDATED_MESSAGE = 'This version of Tickmark is out of date: reload to update the app.';
export const FOREIGN_CLIENT_MESSAGE = 'This browser’s offline data belongs to another user: sign in as that user to sync it.';

/**
 * An app speaking another protocol version is told to reload before anything else is
 * checked (its sign-in may not work either): 426, whatever the rest of the body holds.
 */
const refuseOutdated: preValidationAsyncHookHandler = async (request, reply) => {
  const body: unknown = request.body;
  if (typeof body !== 'object' || body === null || !('protocolVersion' in body)) return;
  const version = body.protocolVersion;
  if (typeof version === 'number' && version !== PROTOCOL_VERSION) await reply.code(426).header('Cache-Control', 'no-store').send({ error: OUTDATED_MESSAGE });
};

const noStore = (reply: FastifyReply) => reply.header('Cache-Control', 'no-store');

/**
 * POST /api/sync/push and POST /api/sync/pull (DESIGN.md "Sync protocol"): bodies parsed
 * with the shared protocol schemas (400 `{error, issues}`), 426 for another protocol
 * version, 401 without a session, 403 for a clientId registered to another user.
 */
export const registerSyncRoutes = (app: FastifyInstance, { db, now = () => new Date(), pullPageSize }: SyncRoutesDeps): void => {
  const options = { bodyLimit: SYNC_BODY_LIMIT_BYTES, preValidation: refuseOutdated, preHandler: app.authenticate };

  app.post('/api/sync/push', options, async (request, reply) => {
    const actor = requireActor(request);
    const input = parseInput(pushRequestSchema, request.body, 'body');
    if (!input.ok) return sendRefusal(reply, input);
    const outcome = await processPush({ db, userId: actor.userId, request: input.data, now });
    switch (outcome.kind) {
      case 'ok':
        return noStore(reply).send(outcome.response satisfies PushResponse);
      case 'gap':
        return noStore(reply).code(409).send({ error: outcome.message, expected: outcome.expected });
      case 'foreign':
        return sendRefusal(reply, refusal(403, FOREIGN_CLIENT_MESSAGE));
      case 'signed_out':
        return sendRefusal(reply, refusal(401, sessionRefusal('unknown')));
    }
  });

  app.post('/api/sync/pull', options, async (request, reply) => {
    const actor = requireActor(request);
    const input = parseInput(pullRequestSchema, request.body, 'body');
    if (!input.ok) return sendRefusal(reply, input);
    const outcome = await processPull({ db, userId: actor.userId, request: input.data, now, ...(pullPageSize ? { pageSize: pullPageSize } : {}) });
    switch (outcome.kind) {
      case 'ok':
        return noStore(reply).send(outcome.response satisfies PullResponse);
      case 'foreign':
        return sendRefusal(reply, refusal(403, FOREIGN_CLIENT_MESSAGE));
      case 'signed_out':
        return sendRefusal(reply, refusal(401, sessionRefusal('unknown')));
    }
  });
};
