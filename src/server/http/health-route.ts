import type { FastifyInstance } from 'fastify';
import { healthResponseSchema } from '../../sync/protocol';
import type { Db } from '../store/db';
import { errorText } from '../store/db';

/** Healthy means the database answers, not merely that the process is up. */
export const registerHealthRoute = (app: FastifyInstance, db: Db): void => {
  app.get('/api/health', async (request, reply) => {
    try {
      await db.query('SELECT 1');
    } catch (e) {
      request.log.error({ err: e }, 'health check: database unreachable');
      return reply.code(503).header('Cache-Control', 'no-store').send({ error: `Database unavailable: ${errorText(e)}` });
    }
    return reply.header('Cache-Control', 'no-store').send(healthResponseSchema.parse({ ok: true, db: db.kind }));
  });
};
