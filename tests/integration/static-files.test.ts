import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app';
import { FAKE_INDEX_HTML, makeFakeDist, type FakeDist } from '../fixtures/fake-dist';
import { makeStubDb } from '../fixtures/stub-db';

const IMMUTABLE = 'public, max-age=31536000, immutable';

describe('serving the built PWA', () => {
  let app: FastifyInstance;
  let dist: FakeDist;
  beforeAll(async () => {
    dist = makeFakeDist();
    app = await buildApp({ db: makeStubDb(), config: { staticDir: dist.dir }, log: false });
  });
  afterAll(async () => {
    await app.close();
    dist.remove();
  });

  // Same-origin, as a browser's POST would be (state-changing /api requests need it).
  const get = (url: string, method: 'GET' | 'HEAD' | 'POST' = 'GET') => app.inject({ method, url, headers: { origin: 'http://localhost' } });

  it.each(['/assets/index-B9x2kQ4a.js', '/assets/index-Cq81LmZp.css'])('caches the hashed asset %s forever', async (url) => {
    const res = await get(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
  });

  it.each(['/', '/index.html', '/sw.js', '/registerSW.js', '/manifest.webmanifest', '/workbox-5ffe50d4.js'])('makes the browser revalidate %s', async (url) => {
    const res = await get(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('serves index.html itself at /', async () => {
    const res = await get('/');
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toBe(FAKE_INDEX_HTML);
  });

  it('caches other files briefly', async () => {
    const res = await get('/favicon.svg');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=3600');
  });

  it.each(['/engagements', '/engagements/0193a6b2-7c1d-7000-8000-000000000001/fieldwork', '/sign-in?next=%2Freview'])(
    'answers the client-side route %s with index.html, not cached',
    async (url) => {
      const res = await get(url);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).toBe(FAKE_INDEX_HTML);
    },
  );

  it.each([
    ['GET', '/api/no-such-thing'],
    ['POST', '/api/no-such-thing'],
    ['GET', '/api'],
  ] as const)('answers %s %s with a JSON 404', async (method, url) => {
    const res = await get(url, method);
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json()).toEqual({ error: `Not found: ${method} ${url}` });
  });

  it('does not answer a missing asset with the page (a stale hashed file must fail loudly)', async () => {
    for (const url of ['/assets/index-OLDHASH.js', '/missing-icon.png']) {
      const res = await get(url);
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('<!doctype html>');
    }
  });

  it('does not serve files outside the build directory', async () => {
    for (const url of ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2f..%2f..%2fetc%2fpasswd']) {
      const res = await get(url);
      expect(res.body).not.toContain('root:x:0:0');
      if (res.statusCode === 200) expect(res.body).toBe(FAKE_INDEX_HTML);
    }
  });
});

describe('without a built PWA', () => {
  it('still serves the API and explains how to build the app', async () => {
    const app = await buildApp({ db: makeStubDb(), config: { staticDir: '/nonexistent-tickmark-dist' }, log: false });
    const health = await app.inject({ method: 'GET', url: '/api/health' });
    expect(health.json()).toEqual({ ok: true, db: 'pglite' });
    const page = await app.inject({ method: 'GET', url: '/engagements' });
    expect(page.statusCode).toBe(503);
    expect(page.body).toContain('npm run build');
    expect((await app.inject({ method: 'GET', url: '/api/nope' })).statusCode).toBe(404);
    await app.close();
  });
});
