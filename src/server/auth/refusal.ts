import type { FastifyReply } from 'fastify';
import type { ErrorResponse } from '../../sync/auth-protocol';

export type InputIssue = { readonly path: string; readonly message: string };

/** An expected failure of an auth or team operation, with the HTTP status it is answered with. */
export type Refusal = {
  readonly ok: false;
  readonly status: 400 | 401 | 403 | 404 | 409 | 410 | 429;
  readonly message: string;
  readonly issues?: readonly InputIssue[];
  readonly retryAfterSeconds?: number;
};

export const refusal = (status: Refusal['status'], message: string, extra: Pick<Refusal, 'issues' | 'retryAfterSeconds'> = {}): Refusal => ({ ok: false, status, message, ...extra });

/** Thrown inside a transaction to roll it back and answer with the refusal. */
export class RefusedInTransaction extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message);
  }
}

/** Runs `fn`; a RefusedInTransaction it throws (after its transaction rolled back) becomes the refusal. */
export const catchRefusal = async <T>(fn: () => Promise<T>): Promise<T | Refusal> => {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof RefusedInTransaction) return e.refusal;
    throw e;
  }
};

export const sendRefusal = (reply: FastifyReply, r: Refusal) => {
  if (r.retryAfterSeconds !== undefined) reply.header('Retry-After', String(r.retryAfterSeconds));
  const body: ErrorResponse = {
    error: r.message,
    ...(r.issues ? { issues: r.issues.map((i) => ({ path: i.path, message: i.message })) } : {}),
    ...(r.retryAfterSeconds !== undefined ? { retryAfterSeconds: r.retryAfterSeconds } : {}),
  };
  return reply.code(r.status).header('Cache-Control', 'no-store').send(body);
};
