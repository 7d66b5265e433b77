import type { z } from 'zod';
import { errorResponseSchema } from '../../sync/auth-protocol';

export type ApiFailureKind = 'network' | 'unauthorized' | 'forbidden' | 'not_found' | 'gone' | 'conflict' | 'invalid' | 'rate_limited' | 'server';

export type ApiIssue = { readonly path: string; readonly message: string };

export type ApiFailure = {
  readonly ok: false;
  readonly kind: ApiFailureKind;
  readonly message: string;
  readonly issues?: readonly ApiIssue[];
  readonly retryAfterSeconds?: number;
};

export type ApiResult<T> = { readonly ok: true; readonly data: T } | ApiFailure;

/** The kind of failure an HTTP status means; undefined for a success status. */
export const failureKindFor = (status: number): ApiFailureKind | undefined => {
  if (status >= 200 && status < 300) return undefined;
  switch (status) {
    case 400:
    case 422:
      return 'invalid';
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 409:
      return 'conflict';
    case 410:
      return 'gone';
    case 429:
      return 'rate_limited';
    default:
      return 'server';
  }
};

const FALLBACK_MESSAGES: Record<ApiFailureKind, string> = {
  network: 'The server could not be reached',
  unauthorized: 'You are not signed in',
  forbidden: 'You are not allowed to do this',
  not_found: 'Not found',
  gone: 'This is no longer available',
  conflict: 'This conflicts with the current state',
  invalid: 'The request was refused as invalid',
  rate_limited: 'Too many attempts',
  server: 'The server could not handle the request',
};

const describeIssues = (error: z.ZodError): string =>
  error.issues.map((i) => `${i.path.length > 0 ? i.path.join('.') : '(body)'}: ${i.message}`).join('; ');

/**
 * Turns a status and an already-decoded JSON body (undefined when there was none or it was
 * not JSON) into a result. `what` names the request in messages ("GET /api/auth/me").
 * `retryAfterHeader` backs up a 429 whose body has no retryAfterSeconds.
 */
export const resultFromResponse = <T>(
  what: string,
  status: number,
  body: unknown,
  schema: z.ZodType<T>,
  retryAfterHeader: string | null = null,
): ApiResult<T> => {
  const kind = failureKindFor(status);
  if (kind === undefined) {
    const parsed = schema.safeParse(body);
    if (parsed.success) return { ok: true, data: parsed.data };
    return { ok: false, kind: 'server', message: `The server's answer to ${what} was not understood: ${describeIssues(parsed.error)}` };
  }
  const error = errorResponseSchema.safeParse(body);
  const headerSeconds = retryAfterHeader !== null && /^\d+$/.test(retryAfterHeader.trim()) ? Number(retryAfterHeader.trim()) : undefined;
  const retryAfterSeconds = error.success ? (error.data.retryAfterSeconds ?? headerSeconds) : headerSeconds;
  const message = error.success ? error.data.error : `${FALLBACK_MESSAGES[kind]} (HTTP ${status})`;
  return {
    ok: false,
    kind,
    message,
    ...(error.success && error.data.issues ? { issues: error.data.issues } : {}),
    ...(kind === 'rate_limited' && retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
  };
};

export const networkFailure = (what: string, cause: unknown): ApiFailure => ({
  ok: false,
  kind: 'network',
  message: `${FALLBACK_MESSAGES.network} (${what}: ${cause instanceof Error ? cause.message : String(cause)})`,
});

/**
 * Server issues name fields as `body.email`; this maps them onto a form's own field names
 * (first message per field). Issues that name none of `fields` are returned as `other`.
 */
export const issuesByField = <F extends string>(
  issues: readonly ApiIssue[] | undefined,
  fields: readonly F[],
): { readonly fields: Partial<Record<F, string>>; readonly other: readonly string[] } => {
  const byField: Partial<Record<F, string>> = {};
  const other: string[] = [];
  for (const issue of issues ?? []) {
    const name = issue.path.replace(/^body\./, '').split('.')[0];
    const field = fields.find((f) => f === name);
    if (field === undefined) other.push(issue.message);
    else byField[field] ??= issue.message;
  }
  return { fields: byField, other };
};
