import { existsSync, statSync } from 'node:fs';
import { basename, relative, resolve, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const NO_CACHE = 'no-cache';
export const SHORT = 'public, max-age=3600';

/** Files that name the current build: a browser must revalidate them or it never sees an update. */
const ENTRY_FILES = new Set(['index.html', 'sw.js', 'registerSW.js', 'manifest.webmanifest']);

/**
 * Vite puts content-hashed files under assets/: their name changes with their bytes,
 * so they may be cached forever. The service worker and the page that loads the rest
 * must never be cached without revalidation; anything else (icons…) briefly.
 */
export const cacheControlFor = (relativePath: string): string => {
  const path = relativePath.split(sep).join('/');
  if (path.startsWith('assets/')) return IMMUTABLE;
  if (ENTRY_FILES.has(basename(path)) || /^workbox-[\w-]+\.js$/.test(basename(path))) return NO_CACHE;
  return SHORT;
};

const isApi = (url: string) => url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');

/** Client-side routes have no file extension; a missing file with one is a real 404. */
const isSpaRoute = (url: string): boolean => {
  const path = url.split('?')[0] ?? '';
  if (path.startsWith('/assets/')) return false;
  return !/\.[A-Za-z0-9]+$/.test(basename(path));
};

const notFoundJson = (request: FastifyRequest, reply: FastifyReply) =>
  reply.code(404).send({ error: `Not found: ${request.method} ${request.url.split('?')[0]}` });

/**
 * Serves the built PWA from `staticDir` with cache headers per file, falls back to
 * index.html for client-side routes, and answers unknown /api paths with a JSON 404.
 */
export const registerStaticFiles = async (app: FastifyInstance, staticDir: string): Promise<{ readonly served: boolean }> => {
  const root = resolve(staticDir);
  const served = existsSync(root) && statSync(root).isDirectory();
  if (served) {
    await app.register(fastifyStatic, {
      root,
      prefix: '/',
      wildcard: true,
      redirect: false,
      cacheControl: false,
      dotfiles: 'ignore',
      setHeaders: (res, filePath) => {
        res.setHeader('Cache-Control', cacheControlFor(relative(root, filePath)));
      },
    });
  }

  app.setNotFoundHandler((request, reply) => {
    if (isApi(request.url) || (request.method !== 'GET' && request.method !== 'HEAD') || !isSpaRoute(request.url)) {
      return notFoundJson(request, reply);
    }
    if (!served || !existsSync(resolve(root, 'index.html'))) {
      return reply
        .code(503)
        .header('Cache-Control', NO_CACHE)
        .type('text/plain; charset=utf-8')
        .send(`The Tickmark web app is not built: no index.html in ${staticDir}. Run \`npm run build\` (or \`npm start\`), or set TICKMARK_STATIC_DIR.`);
    }
    return reply.header('Cache-Control', NO_CACHE).sendFile('index.html', root);
  });
  return { served };
};
