import type { FastifyError, FastifyInstance } from 'fastify';
import { ZodError } from 'zod';

export type ErrorBody = { readonly error: string; readonly issues?: ReadonlyArray<{ readonly path: string; readonly message: string }> };

/** "body.mutations.0.id: Too small…; body.clientId: Invalid UUID" — what failed, and where. */
export const describeZodError = (error: ZodError, where: string): string =>
  error.issues.map((i) => `${[where, ...i.path.map(String)].join('.')}: ${i.message}`).join('; ');

/**
 * Every error leaves as JSON `{error}`. Bad input (zod or Fastify's own validation,
 * unparseable JSON) is a 400 with the reason; anything else is a 500 whose details stay
 * in the log, never a stack trace in the response.
 */
export const registerErrorHandler = (app: FastifyInstance): void => {
  app.setErrorHandler((err: FastifyError | ZodError | Error, request, reply) => {
    if (err instanceof ZodError) {
      return reply.code(400).send({
        error: `Invalid request: ${describeZodError(err, 'body')}`,
        issues: err.issues.map((i) => ({ path: ['body', ...i.path.map(String)].join('.'), message: i.message })),
      } satisfies ErrorBody);
    }
    const status = 'statusCode' in err && typeof err.statusCode === 'number' ? err.statusCode : 500;
    if (status === 400) {
      // Fastify's own refusals (unparseable JSON, a __proto__ key) say what is wrong with the body as a whole.
      return reply.code(400).send({ error: err.message, issues: [{ path: 'body', message: err.message }] } satisfies ErrorBody);
    }
    if (status > 400 && status < 500) {
      return reply.code(status).send({ error: err.message } satisfies ErrorBody);
    }
    request.log.error({ err }, 'request failed');
    return reply.code(500).send({ error: 'Internal server error' } satisfies ErrorBody);
  });
};
