import type { FastifyInstance } from 'fastify';
import { changeRoleRequestSchema, engagementParamsSchema, invitationParamsSchema, memberParamsSchema } from '../../sync/auth-protocol';
import { AUTH_POLICY, type Clock } from '../auth/auth-policy';
import { requireActor } from '../auth/actor-request';
import { checkEngagementAccess } from '../auth/engagement-access';
import { refusal, sendRefusal } from '../auth/refusal';
import { parseInput } from '../auth/request-input';
import { createTeam } from '../auth/team';
import type { Db } from '../store/db';

export type TeamRoutesDeps = { readonly db: Db; readonly now: Clock };

/** An engagement's team: who is on it, their roles, pending invitations. */
export const registerTeamRoutes = (app: FastifyInstance, { db, now }: TeamRoutesDeps): void => {
  const team = createTeam({ db, now });
  const route = { bodyLimit: AUTH_POLICY.bodyLimitBytes, preHandler: app.authenticate };

  app.get('/api/engagements/:engagementId/team', route, async (request, reply) => {
    const params = parseInput(engagementParamsSchema, request.params, 'params');
    if (!params.ok) return sendRefusal(reply, params);
    const access = checkEngagementAccess(requireActor(request), params.data.engagementId, 'viewTeam');
    if (!access.ok) return sendRefusal(reply, refusal(access.status, access.message));
    return reply.header('Cache-Control', 'no-store').send(await team.list(params.data.engagementId));
  });

  app.patch('/api/engagements/:engagementId/members/:userId', route, async (request, reply) => {
    const params = parseInput(memberParamsSchema, request.params, 'params');
    if (!params.ok) return sendRefusal(reply, params);
    const actor = requireActor(request);
    const access = checkEngagementAccess(actor, params.data.engagementId, 'changeMemberRole');
    if (!access.ok) return sendRefusal(reply, refusal(access.status, access.message));
    const body = parseInput(changeRoleRequestSchema, request.body, 'body');
    if (!body.ok) return sendRefusal(reply, body);
    const changed = await team.changeRole(actor, params.data.engagementId, params.data.userId, body.data);
    if (!changed.ok) return sendRefusal(reply, changed);
    return reply.header('Cache-Control', 'no-store').send(changed.member);
  });

  app.delete('/api/engagements/:engagementId/members/:userId', route, async (request, reply) => {
    const params = parseInput(memberParamsSchema, request.params, 'params');
    if (!params.ok) return sendRefusal(reply, params);
    const actor = requireActor(request);
    const access = checkEngagementAccess(actor, params.data.engagementId, 'removeMember');
    if (!access.ok) return sendRefusal(reply, refusal(access.status, access.message));
    const removed = await team.remove(actor, params.data.engagementId, params.data.userId);
    if (!removed.ok) return sendRefusal(reply, removed);
    return reply.code(204).send();
  });

  app.delete('/api/engagements/:engagementId/invitations/:invitationId', route, async (request, reply) => {
    const params = parseInput(invitationParamsSchema, request.params, 'params');
    if (!params.ok) return sendRefusal(reply, params);
    const access = checkEngagementAccess(requireActor(request), params.data.engagementId, 'inviteMember');
    if (!access.ok) return sendRefusal(reply, refusal(access.status, access.message));
    const revoked = await team.revokeInvitation(params.data.engagementId, params.data.invitationId);
    if (!revoked.ok) return sendRefusal(reply, revoked);
    return reply.code(204).send();
  });
};
