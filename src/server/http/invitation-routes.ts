import type { FastifyInstance } from 'fastify';
import { createInvitationRequestSchema, engagementParamsSchema, invitationTokenParamsSchema } from '../../sync/auth-protocol';
import { AUTH_POLICY, type Clock } from '../auth/auth-policy';
import { requireActor } from '../auth/actor-request';
import type { Credentials } from '../auth/credentials';
import { checkEngagementAccess } from '../auth/engagement-access';
import { createInvitations } from '../auth/invitations';
import { refusal, sendRefusal } from '../auth/refusal';
import { parseInput } from '../auth/request-input';
import { setSessionCookie } from '../auth/session-cookie';
import { createSessions } from '../auth/sessions';
import type { Db } from '../store/db';

export type InvitationRoutesDeps = { readonly db: Db; readonly now: Clock; readonly credentials: Credentials };

/** Creating an invitation (a manager), and looking one up and accepting it (the invitee, no session needed). */
export const registerInvitationRoutes = (app: FastifyInstance, { db, now, credentials }: InvitationRoutesDeps): void => {
  const invitations = createInvitations({ db, now, credentials, sessions: createSessions(now) });
  const bodyLimit = AUTH_POLICY.bodyLimitBytes;

  app.post('/api/engagements/:engagementId/invitations', { bodyLimit, preHandler: app.authenticate }, async (request, reply) => {
    const params = parseInput(engagementParamsSchema, request.params, 'params');
    if (!params.ok) return sendRefusal(reply, params);
    const actor = requireActor(request);
    const access = checkEngagementAccess(actor, params.data.engagementId, 'inviteMember');
    if (!access.ok) return sendRefusal(reply, refusal(access.status, access.message));
    const body = parseInput(createInvitationRequestSchema, request.body, 'body');
    if (!body.ok) return sendRefusal(reply, body);
    const created = await invitations.create(actor, params.data.engagementId, body.data);
    if (!created.ok) return sendRefusal(reply, created);
    return reply.code(201).header('Cache-Control', 'no-store').send(created.created);
  });

  app.get('/api/invitations/:token', async (request, reply) => {
    const params = parseInput(invitationTokenParamsSchema, request.params, 'params');
    if (!params.ok) return sendRefusal(reply, params);
    const info = await invitations.info(params.data.token);
    if (!info.ok) return sendRefusal(reply, info);
    return reply.header('Cache-Control', 'no-store').send(info.info);
  });

  app.post('/api/invitations/:token/accept', { bodyLimit }, async (request, reply) => {
    const params = parseInput(invitationTokenParamsSchema, request.params, 'params');
    if (!params.ok) return sendRefusal(reply, params);
    const accepted = await invitations.accept({ token: params.data.token, body: request.body, ip: request.ip, userAgent: request.headers['user-agent'] ?? null });
    if (!accepted.ok) return sendRefusal(reply, accepted);
    setSessionCookie(request, reply, accepted.token);
    return reply.header('Cache-Control', 'no-store').send(accepted.me);
  });
};
