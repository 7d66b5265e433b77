import helmet from '@fastify/helmet';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * The CSP the built app runs under: nothing inline, nothing from elsewhere. The service
 * worker, the manifest and blob:/data: images (attachment previews) are same-origin.
 */
export const CSP_DIRECTIVES = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'self'"],
} as const satisfies Record<string, readonly string[]>;

export const CROSS_SITE_REFUSED = 'Cross-site request refused';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const isApi = (url: string) => url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');

const originOf = (value: string): string | null => {
  try {
    const origin = new URL(value).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
};

/** The origin the request was addressed to: its protocol and Host header (URL parsing drops a default port). */
export const ownOrigin = (request: FastifyRequest): string | null => (request.host ? originOf(`${request.protocol}://${request.host}`) : null);

/**
 * The origin a browser says a request came from: Origin, or failing that the Referer's.
 * Browsers send Origin on every POST/PUT/PATCH/DELETE, same-origin ones included.
 */
export const claimedOrigin = (request: FastifyRequest): string | null => {
  const { origin, referer } = request.headers;
  if (typeof origin === 'string' && origin !== '') return originOf(origin);
  if (typeof referer === 'string' && referer !== '') return originOf(referer);
  return null;
};

/** True for a state-changing /api request that does not come from this server's own pages. */
export const isCrossSite = (request: FastifyRequest): boolean => {
  if (!STATE_CHANGING.has(request.method) || !isApi(request.url)) return false;
  const claimed = claimedOrigin(request);
  return claimed === null || claimed !== ownOrigin(request);
};

/**
 * Security headers with a strict CSP on every answer (pages, assets and /api alike),
 * and the CSRF check: a state-changing /api request must name this server as its
 * origin. SameSite=Lax already keeps the session cookie off cross-site POSTs; this also
 * covers same-site origins (other ports, sibling subdomains) and old browsers.
 */
export const registerSecurity = async (app: FastifyInstance): Promise<void> => {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
  });
  app.addHook('onRequest', async (request, reply) => {
    if (isCrossSite(request)) return reply.code(403).header('Cache-Control', 'no-store').send({ error: CROSS_SITE_REFUSED });
  });
};
